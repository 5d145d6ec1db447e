using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The dyad set of <see cref="DyadSet"/> (model.md rule 4) built on actor numbers instead of strings, for the
/// streaming evaluator and the grain run plan: dyads in <see cref="Dyad"/> order, each one's parent dyad (−1 for none
/// in the set) and child dyads, and its <see cref="SweepCalendar"/> (rule 3), shared by dyads that the same
/// interruptions apply to. Building it costs a dictionary look-up per event dyad, not a sorted-set insert of strings.
/// </summary>
public sealed class DyadLayout
{
    private readonly Dictionary<string, int> rank;
    private readonly int[] parentRank;
    private readonly Dictionary<long, int> index = [];
    private readonly int[] eventOffsets;
    private readonly int[] eventDyads;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private DyadLayout(Scenario scenario)
    {
        Actors = new ActorTree(scenario.Actors);
        // Actor numbers in ordinal order of ids, so (rank a, rank b) orders dyads as Dyad.CompareTo does.
        var ids = scenario.Actors.Select(a => a.Id).Order(StringComparer.Ordinal).ToArray();
        rank = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
            rank[ids[i]] = i;
        parentRank = [.. ids.Select(id => Actors.ParentOf(id) is { } p ? rank[p] : -1)];

        var keys = new HashSet<long>();
        foreach (var rel in scenario.Relationships)
            keys.Add(Key(rank[rel.A], rank[rel.B]));
        // Each event's dyads, looked up once: a flat array of keys (then indices) with an offset per event.
        var events = scenario.Events;
        eventOffsets = new int[events.Count + 1];
        for (var e = 0; e < events.Count; e++)
            eventOffsets[e + 1] = eventOffsets[e] + events[e].SideA.Count * events[e].SideB.Count;
        var eventKeys = new long[eventOffsets[^1]];
        for (var e = 0; e < events.Count; e++)
        {
            var (sideA, sideB) = (events[e].SideA, events[e].SideB);
            var at = eventOffsets[e];
            for (var i = 0; i < sideA.Count; i++)
            {
                var ra = rank[sideA[i]];
                for (var j = 0; j < sideB.Count; j++)
                {
                    var key = eventKeys[at++] = Key(ra, rank[sideB[j]]);
                    keys.Add(key);
                    if (ParentKey((int)(key >> 32), (int)key) is { } parent)
                        keys.Add(parent);
                }
            }
        }
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        Dyads = new Dyad[sorted.Length];
        for (var d = 0; d < sorted.Length; d++)
        {
            index[sorted[d]] = d;
            Dyads[d] = new Dyad(ids[sorted[d] >> 32], ids[(int)sorted[d]]);
        }

        eventDyads = new int[eventKeys.Length];
        for (var k = 0; k < eventKeys.Length; k++)
            eventDyads[k] = index[eventKeys[k]];

        Parent = new int[Dyads.Length];
        var children = new List<int>[Dyads.Length];
        for (var d = 0; d < sorted.Length; d++)
        {
            Parent[d] = ParentKey((int)(sorted[d] >> 32), (int)sorted[d]) is { } p && index.TryGetValue(p, out var pi) ? pi : -1;
            if (Parent[d] >= 0)
                (children[Parent[d]] ??= []).Add(d);
        }
        Children = [.. children.Select(c => c?.ToArray() ?? [])];

        Calendars = new SweepCalendar[Dyads.Length];
        Applying = new int[Dyads.Length][];
        var byApplying = new Dictionary<string, SweepCalendar>(StringComparer.Ordinal);
        var interruptions = scenario.Interruptions;
        for (var d = 0; d < Dyads.Length; d++)
        {
            var applying = Enumerable.Range(0, interruptions.Count).Where(i => StrengthModel.Applies(interruptions[i], Dyads[d], Actors)).ToArray();
            Applying[d] = applying;
            var key = string.Join(',', applying);
            if (!byApplying.TryGetValue(key, out var calendar))
                byApplying[key] = calendar = applying.Length == 0 ? SweepCalendar.Empty
                    : new SweepCalendar(new InterruptionCalendar(applying.Select(i => interruptions[i]), scenario.Model));
            Calendars[d] = calendar;
        }
    }

    public ActorTree Actors { get; }

    /// <summary>The dyads in sorted order (as the reference lists them).</summary>
    public Dyad[] Dyads { get; }

    public int Count => Dyads.Length;

    /// <summary>Index of the dyad receiving σ↑ spill from dyad d, or −1.</summary>
    public int[] Parent { get; }

    /// <summary>Indices of the dyads receiving σ↓ spill from dyad d.</summary>
    public int[][] Children { get; }

    public SweepCalendar[] Calendars { get; }

    /// <summary>Indices (in the scenario's list) of the interruptions applying to dyad d.</summary>
    public int[][] Applying { get; }

    public static DyadLayout Of(Scenario scenario) => new(scenario);

    public int IndexOf(Dyad dyad) => index[Key(rank[dyad.A], rank[dyad.B])];

    /// <summary>The indices of the dyads of event <paramref name="e"/> (its place in the scenario's list): each actor of one side with each of the other.</summary>
    public ReadOnlySpan<int> DyadsOf(int e) => eventDyads.AsSpan(eventOffsets[e], eventOffsets[e + 1] - eventOffsets[e]);

    private static long Key(int ra, int rb) => ra <= rb ? ((long)ra << 32) | (uint)rb : ((long)rb << 32) | (uint)ra;

    /// <summary>{p(a), p(b)} when both parents exist and differ (rule 4).</summary>
    private long? ParentKey(int ra, int rb) =>
        (parentRank[ra], parentRank[rb]) is var (pa, pb) && pa >= 0 && pb >= 0 && pa != pb ? Key(pa, pb) : null;
}
