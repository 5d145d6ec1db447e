using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Views;

/// <summary>One partner of an actor in a run: their relationship's strength at the last sample and its peak, how much of
/// each rests on assumptions, and how many event occurrences reached that relationship.</summary>
public sealed record ActorPartner(string Id, string Name, Dyad Dyad, double Strength, double Peak, int Occurrences, AssumptionShare Shares);

/// <summary>
/// One actor of a completed run and all its partners (interfaces.md, "Actors"), strongest tie first. The occurrences
/// that reached it and its country come from the actor's region grain of that run (which counts them as slices
/// arrive and settles them at the end); the partners' strengths from the run's series and the occurrences on each
/// relationship from its timeline. Without a region grain (a run from before regions kept state) the timeline counts.
/// </summary>
public sealed record ActorView(Actor Actor, string Name, string? Country, IReadOnlyList<ActorPartner> Partners, int Occurrences)
{
    public static ActorView? Of(SeriesResult result, ScenarioTimeline? timeline, string actorId, string? language, RegionSummary? region = null)
    {
        var scenario = result.Scenario;
        if (scenario.Actors.FirstOrDefault(a => a.Id == actorId) is not { } actor)
            return null;
        var reached = new HashSet<(string, int)>();
        var partners = new List<ActorPartner>();
        foreach (var series in result.Dyads.Where(d => d.Dyad.A == actorId || d.Dyad.B == actorId))
        {
            var other = series.Dyad.A == actorId ? series.Dyad.B : series.Dyad.A;
            var occurrences = OccurrencesOn(timeline, series.Dyad);
            reached.UnionWith(occurrences);
            partners.Add(new ActorPartner(other, PlotNames.Actor(scenario, other, language), series.Dyad,
                series.Strengths.Count > 0 ? series.Strengths[^1] : 0,
                series.Strengths.Select(Math.Abs).DefaultIfEmpty(0).Max(), occurrences.Count, AssumptionShare.Of(result, series)));
        }
        var settled = region?.Setup is not null;
        return new ActorView(actor, PlotNames.Actor(scenario, actorId, language),
            settled ? region!.Setup!.Country : new ActorTree(scenario.Actors).CountryOf(actorId),
            [.. partners.OrderByDescending(p => p.Peak).ThenBy(p => p.Id, StringComparer.Ordinal)],
            settled ? region!.OccurrencesReceived : reached.Count);
    }

    /// <summary>The event occurrences (event id, occurrence) that added to a dyad: its own impulses and the spills into it.</summary>
    private static HashSet<(string, int)> OccurrencesOn(ScenarioTimeline? timeline, Dyad dyad) =>
        timeline is not null && timeline.Dyads.TryGetValue(dyad, out var line)
            ? [.. line.Contributions.Where(c => c.Kind != ContributionKind.Standing).Select(c => (c.EventId, c.Occurrence))]
            : [];
}
