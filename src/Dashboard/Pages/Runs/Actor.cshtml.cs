using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>One actor of a run with all its partners: their curves (the strongest ties), strengths and events.</summary>
public sealed class ActorModel(RunService runs, IGrainFactory grains, Microsoft.Extensions.Localization.IStringLocalizer<Localization.Strings> words) : PageModel
{
    public string Id { get; private set; } = "";
    public ActorView View { get; private set; } = null!;
    public Scenario Scenario { get; private set; } = null!;
    /// <summary>The chart of its strongest ties (Views/ChartData), as JSON for the page's script; empty without partners.</summary>
    public string ChartJson { get; private set; } = "";

    /// <summary>The server's plot of the drawn ties, for readers without script.</summary>
    public string PlotFile => $"/api/runs/{Id}/plot.svg?" + string.Join("&", Drawn.Select(d => "dyad=" + Uri.EscapeDataString(RunPlots.Key(d)))) + "&lang=" + Language;
    public IReadOnlyList<Dyad> Drawn { get; private set; } = [];
    public IReadOnlyList<ScenarioEvent> Events { get; private set; } = [];
    public string Language { get; private set; } = Views.Language.Default;

    public async Task<IActionResult> OnGetAsync(string id, string actorId)
    {
        if (await runs.ResultAsync(id) is not { } result)
            return NotFound();
        Language = Views.Language.Of(HttpContext);
        var region = await grains.GetGrain<Relations.Grains.Interfaces.IRegionGrain>(Relations.Grains.Interfaces.GrainKeys.Region(id, actorId)).GetSummary();
        if (ActorView.Of(result, await runs.TimelineAsync(id), actorId, Language, region) is not { } view)
            return NotFound();
        (Id, View, Scenario) = (id, view, result.Scenario);
        Drawn = [.. view.Partners.Take(RunPlots.MaxChosen).Select(p => p.Dyad)];
        if (Drawn.Count > 0)
            ChartJson = (ChartData.Of(result, Drawn, Language, words, []) with { Explain = false }).ToJson();
        Events = [.. result.Scenario.Events.Where(e => e.SideA.Contains(actorId) || e.SideB.Contains(actorId))
            .OrderBy(e => e.Date.From).ThenBy(e => e.Id, StringComparer.Ordinal)];
        return Page();
    }

    public string Name(string actorId) => Relations.Plots.PlotNames.Actor(Scenario, actorId, Language);
}
