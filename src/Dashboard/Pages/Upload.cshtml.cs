using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Api;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Localization;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Import;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>
/// For analysts: upload a scenario or variant file (or paste it), see every problem with line and column, or replay it.
/// A spreadsheet, CSV or GDELT event file is imported first (as <c>relations import</c> does) and the scenario it
/// made is shown, ready to replay or to open in the what-if editor.
/// </summary>
public sealed class UploadModel(ScenarioCatalog catalog, RunService runs, IOptions<RelationsOptions> options, IStringLocalizer<UploadModel> messages) : PageModel
{
    public string Text { get; private set; } = "";
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Message { get; private set; }
    public int Limit => options.Value.MaxUploadBytes;

    /// <summary>The scenario an import made (shown above its YAML), and the rows it skipped.</summary>
    public Scenario? Imported { get; private set; }
    public ImportSummary? Summary { get; private set; }

    /// <summary>The dyads an import found, with the events on each (an event with several actors a side counts on each of its dyads).</summary>
    public IReadOnlyList<DyadCount> Dyads { get; private set; } = [];

    public sealed record DyadCount(string A, string B, int Events);

    /// <summary>Whether <see cref="Problems"/> are an import's (rows and columns of a table) rather than a YAML file's.</summary>
    public bool ImportProblems { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, IFormFile? actors, string? yaml, string? step, int? seed, bool skipUnmapped = false, string? dedupe = null)
    {
        byte[]? bytes;
        if (file is { Length: > 0 })
        {
            if (file.Length > Limit || actors?.Length > Limit)
                return TooLarge();
            bytes = await ReadAsync(file);
            if (Upload.IsEventFile(file.FileName))
                return await ImportAsync(new ImportFile(Path.GetFileName(file.FileName), bytes), actors, skipUnmapped, dedupe);
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(yaml ?? "");
        }
        if (bytes.Length > Limit)
            return TooLarge();
        if (Upload.Decode(bytes) is not { } text)
        {
            Message = messages["The file is not UTF-8 text."];
            return Page();
        }
        Text = text;
        if (text.Trim().Length == 0)
        {
            Message = messages["Choose a file, or paste a scenario or variant."];
            return Page();
        }
        var sampleStep = step is "day" or "week" or "year" ? Sampling.Parse(step) : SampleStep.Month;
        var (scenario, source, problems) = catalog.CheckTextWithSource(Upload.FileName, text, HttpContext.RequestAborted);
        if (scenario is not null)
            problems = UploadLimits.Check(scenario, sampleStep, Upload.FileName);
        if (scenario is null || problems.Count > 0)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var id = await runs.StartAsync(new RunRequest(scenario, sampleStep, seed) { Source = source });
        return Redirect($"~/runs/{id}");
    }

    /// <summary>Keeps an imported scenario in the scenarios folder (imported/ID.yaml) and opens it in the what-if editor.</summary>
    public IActionResult OnPostWhatIf(string? yaml)
    {
        Text = yaml ?? "";
        if (Encoding.UTF8.GetByteCount(Text) > Limit)
            return TooLarge();
        var (scenario, problems) = catalog.CheckText(Upload.FileName, Text, HttpContext.RequestAborted);
        if (scenario is null || problems.Count > 0 || scenario.BaseId is not null)
        {
            Problems = problems;
            Message = problems.Count == 0 ? messages["Only a scenario (not a variant) can be opened in the what-if editor as a base."].Value : null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (ImportedScenarios.Save(catalog, scenario, Text) is { } takenBy)
        {
            Message = messages["The scenario id '{0}' is taken by {1}; import again with another id (or change the id in the text).", scenario.Id, takenBy];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect($"~/whatif/{Uri.EscapeDataString(scenario.Id)}");
    }

    /// <summary>
    /// Imports as <c>relations import</c> does, within what the dashboard replays (<see cref="UploadLimits.MaxOccurrences"/>)
    /// and the request's time budget (reading stops between rows once it is spent; the answer is then 503).
    /// </summary>
    private async Task<IActionResult> ImportAsync(ImportFile events, IFormFile? actorsFile, bool skipUnmapped, string? dedupe)
    {
        var actors = actorsFile is { Length: > 0 } ? new ImportFile(Path.GetFileName(actorsFile.FileName), await ReadAsync(actorsFile)) : null;
        var options = new ImportOptions(SkipUnmappedActors: skipUnmapped,
            Dedupe: dedupe switch { "day" => DedupeMode.Day, "none" => DedupeMode.None, _ => null },
            MaxOccurrences: UploadLimits.MaxOccurrences);
        var result = ScenarioImporter.Import(events, actors, options, HttpContext.RequestAborted);
        Summary = result.Summary;
        if (result.Scenario is null || result.Yaml is null)
        {
            Problems = result.Problems;
            ImportProblems = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Imported = result.Scenario;
        Dyads = [.. result.Scenario.Events
            .SelectMany(e => e.SideA.SelectMany(a => e.SideB.Select(b => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a))))
            .GroupBy(d => d)
            .Select(g => new DyadCount(g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderByDescending(d => d.Events).ThenBy(d => d.A, StringComparer.Ordinal).ThenBy(d => d.B, StringComparer.Ordinal)];
        Text = result.Yaml;
        return Page();
    }

    /// <summary>The import's name for the file's format (ImportSummary.Format, English) in the reader's language.</summary>
    public string FormatName(string format)
    {
        const string gdelt = "a GDELT event file: ";
        if (!format.StartsWith(gdelt, StringComparison.Ordinal))
            return messages[format];
        var layouts = format[gdelt.Length..];
        return messages["a GDELT event file: {0}", layouts == "no event line" ? messages[layouts] : layouts];
    }

    private static async Task<byte[]> ReadAsync(IFormFile file)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private IActionResult TooLarge()
    {
        Message = messages["The file is larger than {0} MiB, the most a scenario, variant or event file may be here.", Display.Number(Limit / 1024 / 1024.0, "0.##")];
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Page();
    }
}
