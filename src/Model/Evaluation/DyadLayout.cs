using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The dyad set of <see cref="DyadSet"/> (model.md rule 4) built on actor numbers instead of strings, for the
/// streaming evaluator and the grain run plan: dyads in <see cref="Dyad"/> order, each one's parent dyad (−1 for none
/// in the set) and child dyads, its <see cref="InterruptionCalendar"/> (rule 3), shared by dyads that the same
/// interruptions apply to, and how many event occurrences fall on it. Building it walks the events once: events naming
/// the same side lists share their dyads, found by reference; other events rank their actors and number their dyads.
/// </summary>
public sealed class DyadLayout
{
    private readonly Dictionary<string, int> rank;
    private readonly int[] parentRank;
    private readonly Dictionary<long, int> index;
    private readonly int[] eventSlice;
    private readonly int[] sliceStarts;
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

        // Dyads get a number when first seen (relationships, then event dyads, then their parents) and are renumbered
        // in sorted order at the end; each event's dyads are a slice of one flat array.
        var seen = new Dictionary<long, int>();
        var keys = new List<long>();
        var fromEvents = new List<bool>();
        var occurrences = new List<long>();
        int Number(long key, bool fromEvent)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
            if (!exists)
            {
                number = keys.Count;
                keys.Add(key);
                fromEvents.Add(false);
                occurrences.Add(0);
            }
            if (fromEvent)
                fromEvents[number] = true;
            return number;
        }
        foreach (var rel in scenario.Relationships)
            Number(Key(rank[rel.A], rank[rel.B]), fromEvent: false);
        var events = scenario.Events;
        // Each event's dyads are a slice of one flat array; events naming the same side lists (the same list objects, as a
        // generated or imported scenario of many events repeats them) share one slice, found by reference without
        // ranking an actor or hashing a string.
        eventSlice = new int[events.Count];
        var starts = new List<int> { 0 };
        var flat = new List<int>();
        var sliceOccurrences = new List<long>();
        var slices = new SidePairs();
        // A million events name a few thousand actors, mostly as the same string objects: those are ranked by reference
        // (no string hashed) after their first look-up by value.
        var rankByReference = new Dictionary<string, int>(ids.Length, ReferenceEqualityComparer.Instance);
        int RankOf(string id)
        {
            ref var r = ref CollectionsMarshal.GetValueRefOrAddDefault(rankByReference, id, out var known);
            return known ? r : r = rank[id];
        }
        for (var e = 0; e < events.Count; e++)
        {
            var ev = events[e];
            var (sideA, sideB) = (ev.SideA, ev.SideB);
            ref var slice = ref slices.Find(sideA, sideB, out var known);
            if (!known)
            {
                slice = sliceOccurrences.Count;
                for (var i = 0; i < sideA.Count; i++)
                {
                    var ra = RankOf(sideA[i]);
                    for (var j = 0; j < sideB.Count; j++)
                        flat.Add(Number(Key(ra, RankOf(sideB[j])), fromEvent: true));
                }
                starts.Add(flat.Count);
                sliceOccurrences.Add(0);
            }
            eventSlice[e] = slice;
            CollectionsMarshal.AsSpan(sliceOccurrences)[slice] += ev.Count ?? 1;
        }
        (sliceStarts, eventDyads) = (starts.ToArray(), flat.ToArray());
        for (var k = 0; k < sliceOccurrences.Count; k++)
        {
            foreach (var number in eventDyads.AsSpan(sliceStarts[k], sliceStarts[k + 1] - sliceStarts[k]))
                occurrences[number] += sliceOccurrences[k];
        }
        // Rule 4: the parent dyad of every event dyad joins the set (not that of a declared relationship alone).
        for (var n = keys.Count - 1; n >= 0; n--)
        {
            if (fromEvents[n] && ParentKey((int)(keys[n] >> 32), (int)keys[n]) is { } parent)
                Number(parent, fromEvent: false);
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        index = new Dictionary<long, int>(sorted.Length);
        Dyads = new Dyad[sorted.Length];
        for (var d = 0; d < sorted.Length; d++)
        {
            index[sorted[d]] = d;
            Dyads[d] = new Dyad(ids[sorted[d] >> 32], ids[(int)sorted[d]]);
        }
        var renumber = new int[keys.Count];
        OccurrenceCounts = new long[sorted.Length];
        for (var n = 0; n < keys.Count; n++)
        {
            renumber[n] = index[keys[n]];
            OccurrenceCounts[renumber[n]] = occurrences[n];
        }
        for (var k = 0; k < eventDyads.Length; k++)
            eventDyads[k] = renumber[eventDyads[k]];

        Parent = new int[Dyads.Length];
        var children = new List<int>[Dyads.Length];
        for (var d = 0; d < sorted.Length; d++)
        {
            Parent[d] = ParentKey((int)(sorted[d] >> 32), (int)sorted[d]) is { } p && index.TryGetValue(p, out var pi) ? pi : -1;
            if (Parent[d] >= 0)
                (children[Parent[d]] ??= []).Add(d);
        }
        Children = [.. children.Select(c => c?.ToArray() ?? [])];

        // Rule 3, asked once per actor rather than per dyad: the interruptions whose scope names it, beside those of scope all.
        Calendars = new InterruptionCalendar[Dyads.Length];
        Applying = new int[Dyads.Length][];
        var interruptions = scenario.Interruptions;
        int[] everywhere = [.. Enumerable.Range(0, interruptions.Count).Where(i => interruptions[i].Scope.All)];
        var naming = new int[ids.Length][];
        int[] Naming(int r) => naming[r] ??=
            [.. Enumerable.Range(0, interruptions.Count).Where(i => !interruptions[i].Scope.All && StrengthModel.Names(interruptions[i].Scope, ids[r], Actors))];
        var byApplying = new Dictionary<string, (int[] Applying, InterruptionCalendar Calendar)>(StringComparer.Ordinal);
        for (var d = 0; d < Dyads.Length; d++)
        {
            var (a, b) = (Naming((int)(sorted[d] >> 32)), Naming((int)sorted[d]));
            int[] applying = a.Length == 0 && b.Length == 0 ? everywhere : [.. everywhere.Concat(a).Concat(b).Distinct().Order()];
            var key = string.Join(',', applying);
            if (!byApplying.TryGetValue(key, out var shared))
                byApplying[key] = shared = (applying, applying.Length == 0 ? InterruptionCalendar.Empty
                    : new InterruptionCalendar(applying.Select(i => interruptions[i]), scenario.Model));
            (Applying[d], Calendars[d]) = shared;
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

    public InterruptionCalendar[] Calendars { get; }

    /// <summary>Indices (in the scenario's list) of the interruptions applying to dyad d.</summary>
    public int[][] Applying { get; }

    /// <summary>How many event occurrences fall on dyad d (each event's count, or 1, for each of its dyads).</summary>
    public long[] OccurrenceCounts { get; }

    public static DyadLayout Of(Scenario scenario) => new(scenario);

    public int IndexOf(Dyad dyad) => index[Key(rank[dyad.A], rank[dyad.B])];

    /// <summary>The indices of the dyads of event <paramref name="e"/> (its place in the scenario's list): each actor of one side with each of the other.</summary>
    public ReadOnlySpan<int> DyadsOf(int e)
    {
        var slice = eventSlice[e];
        return eventDyads.AsSpan(sliceStarts[slice], sliceStarts[slice + 1] - sliceStarts[slice]);
    }

    /// <summary>
    /// How many impulses dyad d can receive (rule 4): its own occurrences, σ↓ spills of its parent dyad's and σ↑ spills
    /// of its child dyads' — an upper bound, since a cancelled occurrence adds none.
    /// </summary>
    public long ImpulseCapacity(int d)
    {
        var capacity = OccurrenceCounts[d] + (Parent[d] >= 0 ? OccurrenceCounts[Parent[d]] : 0);
        foreach (var child in Children[d])
            capacity += OccurrenceCounts[child];
        return capacity;
    }

    /// <summary>
    /// Slices of event dyads by the pair of side lists that named them, compared by reference (open addressing). Past
    /// <see cref="Most"/> pairs it stops remembering new ones (a file whose every event has lists of its own).
    /// </summary>
    private sealed class SidePairs
    {
        private const int Most = 1 << 16;
        private object?[] a = new object?[64];
        private object?[] b = new object?[64];
        private int[] values = new int[64];
        private int count;
        private int spare;

        /// <summary>The slice of the pair (to set when not <paramref name="known"/>).</summary>
        public ref int Find(object sideA, object sideB, out bool known)
        {
            var mask = a.Length - 1;
            var i = Hash(sideA, sideB) & mask;
            for (; a[i] is { } key; i = (i + 1) & mask)
            {
                if (ReferenceEquals(key, sideA) && ReferenceEquals(b[i], sideB))
                {
                    known = true;
                    return ref values[i];
                }
            }
            known = false;
            if (count >= Most)
                return ref spare;
            if (2 * (count + 1) > a.Length)
            {
                Grow();
                return ref Find(sideA, sideB, out known);
            }
            (a[i], b[i]) = (sideA, sideB);
            count++;
            return ref values[i];
        }

        private static int Hash(object sideA, object sideB) =>
            (int)((uint)RuntimeHelpers.GetHashCode(sideA) * 0x9E3779B1u ^ (uint)RuntimeHelpers.GetHashCode(sideB));

        private void Grow()
        {
            var (oldA, oldB, oldValues) = (a, b, values);
            (a, b, values) = (new object?[oldA.Length * 2], new object?[oldA.Length * 2], new int[oldA.Length * 2]);
            var mask = a.Length - 1;
            for (var k = 0; k < oldA.Length; k++)
            {
                if (oldA[k] is not { } key)
                    continue;
                var i = Hash(key, oldB[k]!) & mask;
                while (a[i] is not null)
                    i = (i + 1) & mask;
                (a[i], b[i], values[i]) = (key, oldB[k], oldValues[k]);
            }
        }
    }

    private static long Key(int ra, int rb) => ra <= rb ? ((long)ra << 32) | (uint)rb : ((long)rb << 32) | (uint)ra;

    /// <summary>{p(a), p(b)} when both parents exist and differ (rule 4).</summary>
    private long? ParentKey(int ra, int rb) =>
        (parentRank[ra], parentRank[rb]) is var (pa, pb) && pa >= 0 && pb >= 0 && pa != pb ? Key(pa, pb) : null;
}
