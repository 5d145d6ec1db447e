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
    private readonly Occurrence[] occurrences;
    private readonly ModelParameters model;

    private RunPlan(ActorTree actors, DyadSet dyads, Occurrence[] occurrences, ModelParameters model)
    {
        Actors = actors;
        Dyads = dyads;
        this.occurrences = occurrences;
        this.model = model;
        SliceCount = occurrences.Select(o => o.Day.Year).Distinct().Count();
        ActorTotals = occurrences
            .SelectMany(o => o.Event.SideA.Concat(o.Event.SideB).Select(actor => (actor, o.Day)))
            .GroupBy(x => x.actor, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), (DateOnly?)g.Max(x => x.Day)), StringComparer.Ordinal);
    }

    /// <summary>For each actor that events reach: how many occurrences involve it, and the last day.</summary>
    public IReadOnlyDictionary<string, (int Count, DateOnly? LastDay)> ActorTotals { get; }

    public ActorTree Actors { get; }
    public DyadSet Dyads { get; }
    public int SliceCount { get; }

    public static RunPlan Of(Scenario scenario, int? seed)
    {
        var actors = new ActorTree(scenario.Actors);
        var occurrences = Occurrences.Place(scenario.Events, seed).ToArray();
        // A stable sort keeps file order within a day, as the reference does.
        var ordered = occurrences.Select((o, i) => (o, i)).OrderBy(x => x.o.Day).ThenBy(x => x.i).Select(x => x.o).ToArray();
        return new RunPlan(actors, DyadSet.Of(scenario, actors), ordered, scenario.Model);
    }

    /// <summary>The slices in date order, each built when reached, so a large run never holds all its batches at once.</summary>
    /// <summary>The dyads a slice reaches: those with occurrences and the parent and child dyads their spills go to.</summary>
    public IReadOnlyCollection<string> Touched(Slice slice)
    {
        var touched = new HashSet<string>(slice.ByDyad.Keys, StringComparer.Ordinal);
        foreach (var key in slice.ByDyad.Keys)
        {
            var dyad = ParseKey(key);
            if (Dyads.ParentOf(dyad) is { } parent && Dyads.All.Contains(parent))
                touched.Add(GrainKeys.DyadKey(parent));
            foreach (var child in Dyads.ChildrenOf(dyad))
                touched.Add(GrainKeys.DyadKey(child));
        }
        return touched;
    }

    private static Dyad ParseKey(string key)
    {
        var slash = key.IndexOf('/');
        return new Dyad(key[..slash], key[(slash + 1)..]);
    }

    public IEnumerable<Slice> Slices() =>
        occurrences.GroupBy(o => o.Day.Year).Select(year => Build(year.Key, year));

    private Slice Build(int year, IEnumerable<Occurrence> occurrencesOfYear)
    {
        var byDyad = new Dictionary<string, List<ArrivingOccurrence>>(StringComparer.Ordinal);
        var byActor = new Dictionary<string, (int Count, DateOnly LastDay)>(StringComparer.Ordinal);
        foreach (var o in occurrencesOfYear)
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
        return new Slice(year, byDyad.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), byActor);
    }

    /// <summary>One calendar year's occurrences: per dyad key, and per actor (how many, the last day).</summary>
    public sealed record Slice(
        int Year,
        IReadOnlyDictionary<string, ArrivingOccurrence[]> ByDyad,
        IReadOnlyDictionary<string, (int Count, DateOnly LastDay)> ByActor);
}
