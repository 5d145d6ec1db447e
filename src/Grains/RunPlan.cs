using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// A run laid out for delivery: the dyad set, which actor holds each dyad (its first, <see cref="Dyad.A"/>), and the
/// occurrences of each time slice (a calendar year), in date order, gathered per actor: how many involve it, and the
/// batches of the dyads it holds (<see cref="OccurrenceBatch"/>, parallel arrays). Built on <see cref="DyadLayout"/>'s
/// numbers: an occurrence is three numbers (event, day, place in date order), actors and dyads are indices.
/// </summary>
internal sealed class RunPlan
{
    private readonly Scenario scenario;
    private readonly int[] eventOf;
    private readonly int[] dayOf;
    private readonly EventRule[] eventRules;
    /// <summary>Each event's rule: its place in <see cref="eventRules"/>.</summary>
    private readonly int[] ruleOf;
    /// <summary>The actors of event e, both sides: <see cref="eventActors"/> from eventActorStart[e] to eventActorStart[e + 1].</summary>
    private readonly int[] eventActors;
    private readonly int[] eventActorStart;
    private readonly (int Start, int End)[] slices;

    private RunPlan(Scenario scenario, int? seed)
    {
        this.scenario = scenario;
        Layout = DyadLayout.Of(scenario);
        Actors = Layout.Actors;
        var events = scenario.Events;
        // Occurrences placed event by event, drawing as Occurrences.Place does (so seeded runs equal the reference),
        // as two numbers each rather than an object; then put in date order by a stable sort.
        var total = 0;
        foreach (var ev in events)
            total = checked(total + (ev.Count ?? 1));
        var keys = new long[total];
        var placedEvent = new int[total];
        var random = Occurrences.Generator(seed);
        for (int e = 0, o = 0; e < events.Count; e++)
        {
            for (var i = 0; i < (events[e].Count ?? 1); i++, o++)
            {
                keys[o] = ((long)Occurrences.DayOf(events[e], i, random).DayNumber << 32) | (uint)o;
                placedEvent[o] = e;
            }
        }
        Array.Sort(keys);
        (eventOf, dayOf) = (new int[total], new int[total]);
        for (var o = 0; o < total; o++)
            (eventOf[o], dayOf[o]) = (placedEvent[(int)(uint)keys[o]], (int)(keys[o] >> 32));
        // Events share few distinct rules: each event keeps the number of its rule, not a copy.
        var reader = new EventRules(scenario);
        var (distinct, known) = (new List<EventRule>(), new Dictionary<EventRule, int>());
        ruleOf = new int[events.Count];
        for (var e = 0; e < events.Count; e++)
        {
            var rule = reader.Of(events[e]);
            if (!known.TryGetValue(rule, out var number))
            {
                known[rule] = number = distinct.Count;
                distinct.Add(rule);
            }
            ruleOf[e] = number;
        }
        eventRules = [.. distinct];
        ActorIds = [.. scenario.Actors.Select(a => a.Id)];
        var actorIndex = new Dictionary<string, int>(ActorIds.Length, StringComparer.Ordinal);
        for (var a = 0; a < ActorIds.Length; a++)
            actorIndex[ActorIds[a]] = a;
        // Each event's actors, both sides, in one flat array.
        eventActorStart = new int[events.Count + 1];
        var eventActorList = new List<int>(events.Count * 2);
        for (var e = 0; e < events.Count; e++)
        {
            foreach (var actor in events[e].SideA)
                eventActorList.Add(actorIndex[actor]);
            foreach (var actor in events[e].SideB)
                eventActorList.Add(actorIndex[actor]);
            eventActorStart[e + 1] = eventActorList.Count;
        }
        eventActors = [.. eventActorList];
        DyadKeys = [.. Layout.Dyads.Select(GrainKeys.DyadKey)];
        HolderOf = [.. Layout.Dyads.Select(d => actorIndex[d.A])];
        var held = new List<int>?[ActorIds.Length];
        for (var d = 0; d < HolderOf.Length; d++)
            (held[HolderOf[d]] ??= []).Add(d);
        Held = [.. held.Select(h => h?.ToArray() ?? [])];
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
        var (counts, lastDays) = (new int[ActorIds.Length], new int[ActorIds.Length]);
        Count(0, dayOf.Length, counts, lastDays, null);
        ActorTotals = Enumerable.Range(0, ActorIds.Length).Where(a => counts[a] > 0)
            .ToDictionary(a => ActorIds[a], a => (counts[a], (DateOnly?)DateOnly.FromDayNumber(lastDays[a])), StringComparer.Ordinal);
    }

    /// <summary>For each actor that events reach: how many occurrences involve it, and the last day.</summary>
    public IReadOnlyDictionary<string, (int Count, DateOnly? LastDay)> ActorTotals { get; }

    public ActorTree Actors { get; }

    /// <summary>The run's dyads (sorted), their parents and children (rule 4) and the interruptions applying to each.</summary>
    public DyadLayout Layout { get; }

    /// <summary>The scenario's actors' ids, in its order: an actor's index is its place here.</summary>
    public string[] ActorIds { get; }

    /// <summary>Each dyad's key ("A/B"), by dyad index.</summary>
    public string[] DyadKeys { get; }

    /// <summary>The actor (index) that holds each dyad: its first.</summary>
    public int[] HolderOf { get; }

    /// <summary>The dyads (indices) each actor holds.</summary>
    public int[][] Held { get; }

    public int SliceCount { get; }

    public static RunPlan Of(Scenario scenario, int? seed) => new(scenario, seed);

    /// <summary>The slices in date order, each built when reached, so a large run never holds all its batches at once.</summary>
    public IEnumerable<Slice> Slices()
    {
        // Working arrays shared by the slices, which are built one at a time.
        var (counts, lastDays) = (new int[ActorIds.Length], new int[ActorIds.Length]);
        var (occurrencesOf, filled) = (new int[Layout.Count], new int[Layout.Count]);
        foreach (var (start, end) in slices)
            yield return Build(start, end, counts, lastDays, occurrencesOf, filled);
    }

    private Slice Build(int start, int end, int[] counts, int[] lastDays, int[] occurrencesOf, int[] filled)
    {
        var touched = new List<int>();
        for (var o = start; o < end; o++)
        {
            foreach (var d in Layout.DyadsOf(eventOf[o]))
            {
                if (occurrencesOf[d]++ == 0)
                    touched.Add(d);
            }
        }
        var batches = new OccurrenceBatch[touched.Count];
        var batchOf = new Dictionary<int, int>(touched.Count);
        for (var t = 0; t < touched.Count; t++)
        {
            var n = occurrencesOf[touched[t]];
            batches[t] = new OccurrenceBatch(new int[n], new double[n], new bool[n], new double[n], new int[n])
            {
                Levels = new byte[n],
                TieLevels = new byte[n],
            };
            batchOf[touched[t]] = t;
        }
        for (var o = start; o < end; o++)
        {
            var rule = eventRules[ruleOf[eventOf[o]]];
            var day = DateOnly.FromDayNumber(dayOf[o]);
            var (tieValue, tieUntil) = rule.HoldsTie ? (rule.TieValue(scenario.Model), rule.TieUntil(day, scenario.Model)?.DayNumber ?? int.MaxValue) : (0.0, 0);
            foreach (var d in Layout.DyadsOf(eventOf[o]))
            {
                var (batch, i) = (batches[batchOf[d]], filled[d]++);
                (batch.Days[i], batch.Weights[i], batch.InPerson[i], batch.Levels![i]) = (dayOf[o], rule.Weight, rule.InPerson, (byte)rule.Level);
                (batch.TieValues[i], batch.TieUntil[i], batch.TieLevels![i]) = (tieValue, tieUntil, (byte)rule.TieLevel);
            }
        }
        var work = new Dictionary<int, ActorWork>();
        Count(start, end, counts, lastDays, actor => work[actor] = new ActorWork(actor, counts[actor], lastDays[actor]));
        for (var t = 0; t < touched.Count; t++)
        {
            var d = touched[t];
            var holder = HolderOf[d];
            if (!work.TryGetValue(holder, out var part))
                work[holder] = part = new ActorWork(holder, 0, 0);
            part.Dyads.Add(d);
            part.Batches.Add(batches[t]);
            (occurrencesOf[d], filled[d]) = (0, 0);
        }
        var year = DateOnly.FromDayNumber(dayOf[start]).Year;
        return new Slice(year, new DateOnly(year - 1, 12, 31).DayNumber, new DateOnly(year, 12, 31).DayNumber, [.. work.Values]);
    }

    /// <summary>
    /// Counts per actor the occurrences start..end that involve it, and the last day, into <paramref name="counts"/> and
    /// <paramref name="lastDays"/> (left at zero after); <paramref name="each"/> sees every actor counted before it is reset.
    /// </summary>
    private void Count(int start, int end, int[] counts, int[] lastDays, Action<int>? each)
    {
        var reached = new List<int>();
        for (var o = start; o < end; o++)
        {
            var e = eventOf[o];
            foreach (var actor in eventActors.AsSpan(eventActorStart[e], eventActorStart[e + 1] - eventActorStart[e]))
            {
                if (counts[actor]++ == 0)
                    reached.Add(actor);
                lastDays[actor] = Math.Max(lastDays[actor], dayOf[o]);
            }
        }
        if (each is null)
            return;
        foreach (var actor in reached)
        {
            each(actor);
            (counts[actor], lastDays[actor]) = (0, 0);
        }
    }

    /// <summary>
    /// One calendar year's occurrences, per actor. Every impulse dated up to <see cref="Before"/> (the day before the
    /// year) was sent in earlier slices; <see cref="Through"/> is the year's last day.
    /// </summary>
    public sealed record Slice(int Year, int Before, int Through, ActorWork[] Work);

    /// <summary>What a slice brings one actor: how many occurrences involve it (the last on which day number), and its dyads' batches.</summary>
    public sealed record ActorWork(int Actor, int Occurrences, int LastDay)
    {
        public List<int> Dyads { get; } = [];
        public List<OccurrenceBatch> Batches { get; } = [];
    }
}
