using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Api;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>
/// A run's "uncertainty" view: where its curves could lie given the dates known only as a span (model.md rule 5).
/// For a run, a form that starts an ensemble of the run's request — or, when the run has one going or done, that
/// ensemble; for an ensemble (a job of the cluster), its progress with the time left and a way to cancel it, then the
/// 5–95 % and 25–75 % bands of a chosen relationship with a sentence saying why, and the downloads; a failed or
/// cancelled one says so with a "try again" that starts a new one.
/// </summary>
public sealed class UncertaintyModel(RunService runs, JobService jobs,
    Microsoft.Extensions.Localization.IStringLocalizer<Localization.Strings> words) : PageModel
{
    public string Id { get; private set; } = "";
    public JobStatus? Job { get; private set; }

    /// <summary>For a run whose last ensemble failed or was cancelled: that ensemble, so the page says so above the form.</summary>
    public JobSummary? LastFailed { get; private set; }
    public EnsembleResult? Ensemble { get; private set; }
    public string Language { get; private set; } = Views.Language.Default;
    public IReadOnlyList<DyadBands> Widest { get; private set; } = [];
    public DyadBands? Chosen { get; private set; }
    public string Why { get; private set; } = "";

    /// <summary>The bands chart's data (Views/ChartData.Bands), as JSON for the page's script.</summary>
    public string ChartJson { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string id, string? dyad)
    {
        Id = id;
        Language = Views.Language.Of(HttpContext);
        Job = await jobs.StatusAsync(id);
        if (Job is { Kind: JobKind.Sweep })
            return Redirect($"~/sweeps/{id}");
        if (Job is null)
        {
            if (await runs.StatusAsync(id) is null)
                return NotFound();
            // The run's latest ensemble, unless it failed or was cancelled: then the form, saying so.
            if (await jobs.LatestOfRunAsync(id) is { } latest)
            {
                if (latest.State is JobState.Running or JobState.Completed)
                    return Redirect(Address(latest.JobId, dyad));
                LastFailed = latest;
            }
            return Page();
        }
        if (Job.State != JobState.Completed || await jobs.OutcomeAsync(id) is not { Ensemble: { } ensemble })
            return Page();
        Ensemble = ensemble;
        Widest = [.. ensemble.Bands.OrderByDescending(Width).ThenBy(b => b.Dyad)];
        Chosen = dyad is null ? Widest[0] : Widest.FirstOrDefault(b => Views.RunPlots.Key(b.Dyad) == dyad);
        if (Chosen is null)
            return new ContentResult { StatusCode = 400, ContentType = "text/plain; charset=utf-8", Content = words["'{0}' is not a relationship of this run; write it as A~B.", dyad!] + "\n" };
        Why = UncertaintyText.Why(ensemble, Chosen, Width(Chosen), Language, words);
        ChartJson = Views.ChartData.ForBands(ensemble.Deterministic, Chosen, Language, words).ToJson();
        return Page();
    }

    /// <summary>Starts an ensemble of the run's own request (its scenario and step) with the draws and seed of the form.</summary>
    public async Task<IActionResult> OnPostAsync(string id, string? dyad)
    {
        Id = id;
        Language = Views.Language.Of(HttpContext);
        if (await runs.StatusAsync(id) is null || await runs.RequestAsync(id) is not { } request)
            return NotFound();
        var (asked, problems) = UncertaintyForm.Read(Request.Form, sweep: false);
        if (asked is null)
        {
            Problems = problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var ensembleId = await jobs.StartEnsembleAsync(request with { Seed = asked.Seed }, asked.Draws!.Value, fromRun: id);
        return Redirect(Address(ensembleId, dyad));
    }

    /// <summary>Stops the ensemble; the page then says it was cancelled, with a "try again".</summary>
    public async Task<IActionResult> OnPostCancelAsync(string id, string? dyad)
    {
        if (await jobs.StatusAsync(id) is null)
            return NotFound();
        await jobs.CancelAsync(id);
        return Redirect(Address(id, dyad));
    }

    /// <summary>"Try again": a new ensemble with the same request, followed on its own page.</summary>
    public async Task<IActionResult> OnPostRetryAsync(string id, string? dyad) =>
        await jobs.RetryAsync(id) is { } again ? Redirect(Address(again, dyad)) : NotFound();

    /// <summary>An ensemble's view, on the relationship the reader came from (the run page's first chosen) when known.</summary>
    private static string Address(string ensembleId, string? dyad) =>
        "~" + EnsemblesApi.PageOf(ensembleId, JobKind.Ensemble) + (dyad is null ? "" : "?dyad=" + Uri.EscapeDataString(dyad));

    /// <summary>How wide a dyad's 5–95 % band gets at its widest.</summary>
    public static double Width(DyadBands bands) => bands.Quantile(95).Zip(bands.Quantile(5)).Select(p => p.First - p.Second).DefaultIfEmpty(0).Max();

    public string DyadName(Dyad dyad) => PlotNames.Dyad(Ensemble!.Deterministic.Scenario, dyad, Language);

    public string? ProblemAt(string field) => Problems.TryGetValue(field, out var message) ? message : null;

    public string Posted(string field, string shown) => Request.HasFormContentType ? Request.Form[field].ToString() : shown;
}
