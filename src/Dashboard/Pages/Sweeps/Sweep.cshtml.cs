using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Ensembles;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Dashboard.Pages.Sweeps;

/// <summary>
/// A sweep's page: its progress (time left, cancel), then which parameter moves which relationship and by how much
/// (the sensitivity table and its tornado plot) and the downloads; a failed or cancelled one with a "try again".
/// </summary>
public sealed class SweepModel(JobService jobs, IStringLocalizer<SweepModel> localizer) : PageModel
{
    /// <summary>Rows of the table: the largest swings, enough to read at a glance.</summary>
    public const int MaxRows = 15;

    public JobStatus Job { get; private set; } = null!;
    public SweepResult? Sweep { get; private set; }
    public IReadOnlyList<SensitivityRow> Rows { get; private set; } = [];
    public string PlotSource { get; private set; } = "";
    public string Language { get; private set; } = Views.Language.Default;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await jobs.StatusAsync(id) is not { Kind: JobKind.Sweep } job)
            return NotFound();
        Job = job;
        Language = Views.Language.Of(HttpContext);
        if (job.State != JobState.Completed || await jobs.OutcomeAsync(id) is not { Sweep: { } sweep })
            return Page();
        Sweep = sweep;
        var rows = Sensitivity.Of(sweep);
        Rows = [.. rows.Take(MaxRows)];
        var plot = SensitivityPlot.Build(sweep.Cells[0].Replay.Scenario, sweep, rows, new PlotOptions { Language = Language, Text = english => localizer[english] });
        PlotSource = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(RelationPlots.GetSvg(plot)));
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string id)
    {
        if (await jobs.StatusAsync(id) is null)
            return NotFound();
        await jobs.CancelAsync(id);
        return Redirect($"~/sweeps/{id}");
    }

    public async Task<IActionResult> OnPostRetryAsync(string id) =>
        await jobs.RetryAsync(id) is { } again ? Redirect($"~/sweeps/{again}") : NotFound();

    public string DyadName(Dyad dyad) => PlotNames.Dyad(Sweep!.Cells[0].Replay.Scenario, dyad, Language);

    public static string Number(double value, string format = "0.0") => value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
