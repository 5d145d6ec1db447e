using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>The start page: the scenarios and what-if exercises of the scenarios folder, saved what-ifs and recent runs.</summary>
public sealed class IndexModel(ScenarioCatalog catalog, RunService runs, VariantStore variants) : PageModel
{
    public IReadOnlyList<CatalogEntry> Scenarios { get; private set; } = [];
    public IReadOnlyList<CatalogEntry> Exercises { get; private set; } = [];
    public int SavedVariants { get; private set; }
    public IReadOnlyList<(RunSummary Summary, RunState State)> RecentRuns { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync()
    {
        var entries = catalog.Entries;
        Scenarios = [.. entries.Where(e => !e.IsVariant)];
        Exercises = [.. entries.Where(e => e.IsVariant)];
        SavedVariants = (await variants.ListAsync()).Length;
        (RecentRuns, _) = await runs.RecentAsync(0, 8);
    }

    /// <summary>Replays a scenario (or exercise) of the folder and opens its run page.</summary>
    public async Task<IActionResult> OnPostReplayAsync(string scenarioId)
    {
        if (catalog.Find(scenarioId) is not { } entry)
            return NotFound();
        var id = await runs.StartAsync(Replay(entry));
        return Redirect($"~/runs/{id}");
    }

    /// <summary>Replays an exercise and its base, and opens the overlay of the two.</summary>
    public async Task<IActionResult> OnPostCompareAsync(string scenarioId)
    {
        if (catalog.Find(scenarioId) is not { IsVariant: true, BaseId: { } baseId } entry || catalog.Find(baseId) is not { } baseEntry)
            return NotFound();
        var baseRun = await runs.StartAsync(Replay(baseEntry));
        var variantRun = await runs.StartAsync(Replay(entry));
        return Redirect($"~/compare?base={baseRun}&variant={variantRun}");
    }

    /// <summary>A monthly, deterministic replay of a catalogue file that stores the file's source.</summary>
    private RunRequest Replay(CatalogEntry entry)
    {
        var (scenario, source) = catalog.LoadWithSource(entry);
        return new RunRequest(scenario, SampleStep.Month, null) { Source = source };
    }
}
