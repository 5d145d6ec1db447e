using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>
/// A run's "uncertainty" view: where its curves could lie given the dates known only as a span (model.md rule 5).
/// For a run without an ensemble, a form that starts one from the run's request; for an ensemble (its id is its
/// deterministic run's), its progress, then the 5–95 % and 25–75 % bands of a chosen relationship with a sentence
/// saying why, and the downloads.
/// </summary>
public sealed class UncertaintyModel(RunService runs, EnsembleJobs jobs) : PageModel
{
    public string Id { get; private set; } = "";
    public EnsembleJob? Job { get; private set; }
    public EnsembleResult? Ensemble { get; private set; }
    public string Language { get; private set; } = Views.Language.Default;
    public IReadOnlyList<DyadBands> Widest { get; private set; } = [];
    public DyadBands? Chosen { get; private set; }
    public string Why { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(string id, string? dyad)
    {
        Id = id;
        Language = Views.Language.Of(HttpContext);
        Job = jobs.Find(id);
        if (Job is { IsSweep: true })
            return Redirect($"~/sweeps/{id}");
        if (Job is null)
        {
            if (jobs.EnsembleOf(id) is { } ensembleId)
                return Redirect(Address(ensembleId, dyad));
            return await runs.StatusAsync(id) is null ? NotFound() : Page();
        }
        if (Job.State != RunState.Completed || Job.Ensemble is not { } ensemble)
            return Page();
        Ensemble = ensemble;
        Widest = [.. ensemble.Bands.OrderByDescending(Width).ThenBy(b => b.Dyad)];
        Chosen = dyad is null ? Widest[0] : Widest.FirstOrDefault(b => Views.RunPlots.Key(b.Dyad) == dyad);
        if (Chosen is null)
            return new ContentResult { StatusCode = 400, ContentType = "text/plain; charset=utf-8", Content = $"'{dyad}' is not a relationship of this run; write it as A~B.\n" };
        Why = UncertaintyText.Why(ensemble, Chosen, Width(Chosen), Language);
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
        var ensembleId = jobs.StartEnsemble(id, request with { Seed = asked.Seed }, asked.Draws!.Value);
        return Redirect(Address(ensembleId, dyad));
    }

    /// <summary>An ensemble's view, on the relationship the reader came from (the run page's first chosen) when known.</summary>
    private static string Address(string ensembleId, string? dyad) =>
        $"~/runs/{ensembleId}/uncertainty" + (dyad is null ? "" : "?dyad=" + Uri.EscapeDataString(dyad));

    /// <summary>How wide a dyad's 5–95 % band gets at its widest.</summary>
    public static double Width(DyadBands bands) => bands.Quantile(95).Zip(bands.Quantile(5)).Select(p => p.First - p.Second).DefaultIfEmpty(0).Max();

    public string DyadName(Dyad dyad) => PlotNames.Dyad(Ensemble!.Deterministic.Scenario, dyad, Language);

    public string? ProblemAt(string field) => Problems.TryGetValue(field, out var message) ? message : null;

    public string Posted(string field, string shown) => Request.HasFormContentType ? Request.Form[field].ToString() : shown;
}
