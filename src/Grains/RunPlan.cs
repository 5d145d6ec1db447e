using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// A run laid out for delivery: the dyad set, and the occurrences of each time slice (a calendar year)
/// batched per dyad and counted per actor, in date order.
/// </summary>
internal sealed class RunPlan
{
    private RunPlan(ActorTree actors, DyadSet dyads, IReadOnlyList<Slice> slices)
    {
        Actors = actors;
        Dyads = dyads;
        Slices = slices;
    }

    public ActorTree Actors { get; }
    public DyadSet Dyads { get; }
    public IReadOnlyList<Slice> Slices { get; }

    public static RunPlan Of(Scenario scenario, int? seed)
    {
        var actors = new ActorTree(scenario.Actors);
        var dyads = DyadSet.Of(scenario, actors);
        var model = scenario.Model;
        var slices = Occurrences.Place(scenario.Events, seed)
            .GroupBy(o => o.Day.Year)
            .OrderBy(g => g.Key)
            .Select(year =>
            {
                var byDyad = new Dictionary<string, List<ArrivingOccurrence>>(StringComparer.Ordinal);
                var byActor = new Dictionary<string, (int Count, DateOnly LastDay)>(StringComparer.Ordinal);
                foreach (var o in year.OrderBy(o => o.Day))
                {
                    var ev = o.Event;
                    var tie = StrengthModel.StandingTie(ev, o.Day, model);
                    var arriving = new ArrivingOccurrence(ev.Id, o.Index, o.Day, ev.Mode == EventMode.InPerson,
                        StrengthModel.ImpulseWeight(ev, model), tie?.Value ?? 0.0, tie is not null, tie?.Until);
                    foreach (var dyad in DyadSet.DyadsOf(ev))
                    {
                        var key = GrainKeys.DyadKey(dyad);
                        if (!byDyad.TryGetValue(key, out var list))
                            byDyad[key] = list = [];
                        list.Add(arriving);
                    }
                    foreach (var actor in ev.SideA.Concat(ev.SideB))
                    {
                        var (count, last) = byActor.GetValueOrDefault(actor);
                        byActor[actor] = (count + 1, last > o.Day ? last : o.Day);
                    }
                }
                return new Slice(year.Key,
                    byDyad.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
                    byActor);
            })
            .ToList();
        return new RunPlan(actors, dyads, slices);
    }

    /// <summary>One calendar year's occurrences: per dyad key, and per actor (how many, the last day).</summary>
    public sealed record Slice(
        int Year,
        IReadOnlyDictionary<string, ArrivingOccurrence[]> ByDyad,
        IReadOnlyDictionary<string, (int Count, DateOnly LastDay)> ByActor);
}
