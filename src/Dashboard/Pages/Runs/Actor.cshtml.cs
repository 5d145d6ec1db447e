using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>One actor of a run with all its partners: their curves (the strongest ties), strengths and events.</summary>
public sealed class ActorModel(RunService runs, IGrainFactory grains) : PageModel
{
    public string Id { get; private set; } = "";
    public ActorView View { get; private set; } = null!;
    public Scenario Scenario { get; private set; } = null!;
    public string PlotSource { get; private set; } = "";
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
        {
            var rendered = RunPlots.Render(result, Drawn, Language);
            PlotSource = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(rendered.Svg));
        }
        Events = [.. result.Scenario.Events.Where(e => e.SideA.Contains(actorId) || e.SideB.Contains(actorId))
            .OrderBy(e => e.Date.From).ThenBy(e => e.Id, StringComparer.Ordinal)];
        return Page();
    }

    public string Name(string actorId) => Relations.Plots.PlotNames.Actor(Scenario, actorId, Language);
}
