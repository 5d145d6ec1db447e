using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// A run laid out for delivery: the dyad set, and the occurrences of each time slice (a calendar year) batched per
/// dyad and counted per actor, in date order. Built on <see cref="DyadLayout"/>'s numbers: an occurrence is three
/// numbers (event, day, place in date order), a dyad's key string is made once, and a slice's batches are
/// parallel arrays (<see cref="OccurrenceBatch"/>).
/// </summary>
internal sealed class RunPlan
{
    private readonly Scenario scenario;
    private readonly DyadLayout layout;
    private readonly string[] dyadKeys;
    private readonly int[] eventOf;
    private readonly int[] dayOf;
    private readonly EventRule[] eventRules;
    private readonly int[][] eventActors;
    private readonly string[] actorIds;
    private readonly (int Start, int End)[] slices;

    private RunPlan(Scenario scenario, int? seed)
    {
        this.scenario = scenario;
        layout = DyadLayout.Of(scenario);
        Actors = layout.Actors;
        Dyads = DyadSet.Of(layout.Dyads, Actors);
        dyadKeys = [.. layout.Dyads.Select(GrainKeys.DyadKey)];
        var events = scenario.Events;
        var eventIndex = new Dictionary<ScenarioEvent, int>(events.Count, ReferenceEqualityComparer.Instance);
        for (var e = 0; e < events.Count; e++)
            eventIndex.TryAdd(events[e], e);
        var placed = Occurrences.Place(events, seed);
        // A stable sort keeps file order within a day, as the reference does.
        var keys = new long[placed.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = ((long)placed[i].Day.DayNumber << 32) | (uint)i;
        Array.Sort(keys);
        var order = Array.ConvertAll(keys, k => (int)(uint)k);
        eventOf = [.. order.Select(i => eventIndex[placed[i].Event])];
        dayOf = [.. order.Select(i => placed[i].Day.DayNumber)];
        var rules = new EventRules(scenario);
        eventRules = [.. events.Select(rules.Of)];
        actorIds = [.. scenario.Actors.Select(a => a.Id)];
        var actorIndex = Enumerable.Range(0, actorIds.Length).ToDictionary(i => actorIds[i], StringComparer.Ordinal);
        eventActors = [.. events.Select(e => e.SideA.Concat(e.SideB).Select(a => actorIndex[a]).ToArray())];
        var cuts = new List<(int, int)>();
        for (var start = 0; start < dayOf.Length;)
        {
            var year = DateOnly.FromDayNumber(dayOf[start]).Year;
            var end = start;
            while (end < dayOf.Length && DateOnly.FromDayNumber(dayOf[end]).Year == year)
                end++;
            cuts.Add((start, end));
            start = end;
        }
        slices = [.. cuts];
        SliceCount = slices.Length;
        ActorTotals = Count(0, dayOf.Length).ToDictionary(a => a.Key, a => (a.Value.Count, (DateOnly?)a.Value.LastDay), StringComparer.Ordinal);
    }

    /// <summary>For each actor that events reach: how many occurrences involve it, and the last day.</summary>
    public IReadOnlyDictionary<string, (int Count, DateOnly? LastDay)> ActorTotals { get; }

    public ActorTree Actors { get; }
    public DyadSet Dyads { get; }
    public int SliceCount { get; }

    public static RunPlan Of(Scenario scenario, int? seed) => new(scenario, seed);

    /// <summary>The dyads a slice reaches: those with occurrences and the parent and child dyads their spills go to.</summary>
    public IReadOnlyCollection<string> Touched(Slice slice)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in slice.DyadIndices)
        {
            touched.Add(dyadKeys[d]);
            if (layout.Parent[d] >= 0)
                touched.Add(dyadKeys[layout.Parent[d]]);
            foreach (var child in layout.Children[d])
                touched.Add(dyadKeys[child]);
        }
        return touched;
    }

    /// <summary>The slices in date order, each built when reached, so a large run never holds all its batches at once.</summary>
    public IEnumerable<Slice> Slices()
    {
        foreach (var (start, end) in slices)
            yield return Build(start, end);
    }

    private Slice Build(int start, int end)
    {
        var counts = new Dictionary<int, int>();
        for (var o = start; o < end; o++)
        {
            foreach (var d in layout.DyadsOf(eventOf[o]))
                counts[d] = counts.GetValueOrDefault(d) + 1;
        }
        var batches = counts.ToDictionary(c => c.Key, c => new OccurrenceBatch(new int[c.Value], new double[c.Value], new bool[c.Value], new double[c.Value], new int[c.Value])
        {
            Levels = new byte[c.Value],
            TieLevels = new byte[c.Value],
        });
        var filled = counts.Keys.ToDictionary(d => d, _ => 0);
        for (var o = start; o < end; o++)
        {
            var rule = eventRules[eventOf[o]];
            var day = DateOnly.FromDayNumber(dayOf[o]);
            var (tieValue, tieUntil) = rule.HoldsTie ? (rule.TieValue(scenario.Model), rule.TieUntil(day, scenario.Model)?.DayNumber ?? int.MaxValue) : (0.0, 0);
            foreach (var d in layout.DyadsOf(eventOf[o]))
            {
                var (batch, i) = (batches[d], filled[d]++);
                (batch.Days[i], batch.Weights[i], batch.InPerson[i], batch.Levels![i]) = (dayOf[o], rule.Weight, rule.InPerson, (byte)rule.Level);
                (batch.TieValues[i], batch.TieUntil[i], batch.TieLevels![i]) = (tieValue, tieUntil, (byte)rule.TieLevel);
            }
        }
        return new Slice(
            DateOnly.FromDayNumber(dayOf[start]).Year,
            batches.ToDictionary(b => dyadKeys[b.Key], b => b.Value, StringComparer.Ordinal),
            Count(start, end),
            [.. counts.Keys]);
    }

    /// <summary>Per actor: how many of the occurrences start..end involve it, and the last day.</summary>
    private Dictionary<string, (int Count, DateOnly LastDay)> Count(int start, int end)
    {
        var byActor = new Dictionary<int, (int Count, int LastDay)>();
        for (var o = start; o < end; o++)
        {
            foreach (var actor in eventActors[eventOf[o]])
            {
                var (count, last) = byActor.GetValueOrDefault(actor);
                byActor[actor] = (count + 1, Math.Max(last, dayOf[o]));
            }
        }
        return byActor.ToDictionary(a => actorIds[a.Key], a => (a.Value.Count, DateOnly.FromDayNumber(a.Value.LastDay)), StringComparer.Ordinal);
    }

    /// <summary>One calendar year's occurrences: per dyad key, and per actor (how many, the last day).</summary>
    public sealed record Slice(
        int Year,
        IReadOnlyDictionary<string, OccurrenceBatch> ByDyad,
        IReadOnlyDictionary<string, (int Count, DateOnly LastDay)> ByActor,
        int[] DyadIndices);
}
