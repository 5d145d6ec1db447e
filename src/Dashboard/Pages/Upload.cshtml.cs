using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Api;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>For analysts: upload a scenario or variant file (or paste it), see every problem with line and column, or replay it.</summary>
public sealed class UploadModel(ScenarioCatalog catalog, RunService runs, IOptions<RelationsOptions> options) : PageModel
{
    public string Text { get; private set; } = "";
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public int Limit => options.Value.MaxUploadBytes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? yaml, string? step, int? seed)
    {
        byte[]? bytes;
        if (file is { Length: > 0 })
        {
            if (file.Length > Limit)
                return TooLarge();
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            bytes = buffer.ToArray();
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(yaml ?? "");
        }
        if (bytes.Length > Limit)
            return TooLarge();
        if (Upload.Decode(bytes) is not { } text)
        {
            Message = "The file is not UTF-8 text.";
            return Page();
        }
        Text = text;
        if (text.Trim().Length == 0)
        {
            Message = "Choose a file, or paste a scenario or variant.";
            return Page();
        }
        var sampleStep = step is "day" or "week" or "year" ? Sampling.Parse(step) : SampleStep.Month;
        var (scenario, problems) = catalog.CheckText(Upload.FileName, text);
        if (scenario is not null)
            problems = UploadLimits.Check(scenario, sampleStep, Upload.FileName);
        if (scenario is null || problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = await runs.StartAsync(new RunRequest(scenario, sampleStep, seed));
        return Redirect($"/runs/{id}");
    }

    private IActionResult TooLarge()
    {
        Message = $"The file is larger than {Limit / 1024 / 1024.0:0.##} MiB, the most a scenario or variant may be here.";
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Page();
    }
}
