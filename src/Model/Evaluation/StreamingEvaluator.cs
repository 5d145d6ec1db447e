using System.Buffers;
using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The fast engine (<c>--engine fast</c>): events walked once in file order, each one's rule read
/// (<see cref="EventRule"/>) and its occurrences placed (<see cref="Occurrences.DayOf"/>); occurrences put in date
/// order by one counting pass over the days; each applied by the rule kernel (<see cref="StrengthModel.Apply"/>) in that
/// order, its impulse and spills added at once to their dyads' sums for the next sample day, decayed to that day
/// (<see cref="DecayTable"/>, one factor per calendar and day); at each sample day every dyad's sum is carried from the
/// sample before and kept, and each dyad's series is written from what was kept and its standing ties. No impulse is
/// stored: cost O(E + D·S + days spanned), where the reference's is O(E·S). Single-threaded unless asked (then the
/// series are written over all cores), so its figure is one core's. It equals <see cref="ReferenceEvaluator"/> to
/// rounding (1e-9): only the order of summation differs.
/// </summary>
public static class StreamingEvaluator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SeriesResult Evaluate(Scenario scenario, SampleStep step = SampleStep.Month, int? seed = null, bool parallel = false)
    {
        var layout = DyadLayout.Of(scenario);
        var model = scenario.Model;
        var events = scenario.Events;
        var calendars = layout.Calendars;

        // Rules and days in event order, drawing as Occurrences.Place does, so seeded runs equal the reference.
        var total = 0L;
        foreach (var ev in events)
            total += ev.Count ?? 1;
        var (occurrenceDay, occurrenceEvent) = (new int[total], new int[total]);
        var rules = new EventRule[events.Count];
        var reader = new EventRules(scenario);
        var random = Occurrences.Generator(seed);
        var (minDay, maxDay) = (int.MaxValue, int.MinValue);
        for (int e = 0, o = 0; e < events.Count; e++)
        {
            var current = events[e];
            rules[e] = reader.Of(current);
            for (var i = 0; i < (current.Count ?? 1); i++, o++)
            {
                var day = occurrenceDay[o] = Occurrences.DayOf(current, i, random).DayNumber;
                occurrenceEvent[o] = e;
                (minDay, maxDay) = (Math.Min(minDay, day), Math.Max(maxDay, day));
            }
        }
        var order = InDateOrder(occurrenceDay, minDay, maxDay);

        var dates = Sampling.Dates(scenario.Period, step);
        var sampleDays = dates.Select(d => d.DayNumber).ToArray();
        if (sampleDays.Length > 0)
            (minDay, maxDay) = (Math.Min(minDay, sampleDays[0]), Math.Max(maxDay, sampleDays[^1]));
        var decay = new DecayTable(model, maxDay >= minDay ? maxDay - minDay : 0);

        // One pass in date order. Each occurrence is applied by the rule kernel and its impulse and spills are added to
        // their dyads' sums for the next sample day, each decayed to that day (2^(−E/H) over its dyad's calendar: one factor
        // per calendar and day, as DecayTable gives it); at each sample day every dyad's sum from the sample before is carried
        // to it and the new impulses added, and the parts are kept, sample-major, in one pooled buffer. R is the same sum of
        // decayed impulses as the reference's, added in another order (to rounding, 1e-9).
        var dyads = layout.Count;
        var (calendarOf, distinct) = Distinct(calendars);
        var kept = ArrayPool<double>.Shared.Rent(sampleDays.Length * dyads * CertaintyParts.Count);
        var (fresh, sums) = (new double[dyads * CertaintyParts.Count], new double[dyads * CertaintyParts.Count]);
        var factor = new DecayToSample(decay, distinct);
        var ties = new List<(int Dyad, StandingSpan Tie)>();
        var (sample, next) = (0, sampleDays.Length > 0 ? sampleDays[0] : int.MinValue);
        factor.Sample = next;
        var (parents, children) = (layout.Parent, layout.Children);
        foreach (var o in order)
        {
            var (day, e) = (occurrenceDay[o], occurrenceEvent[o]);
            if (day > next)
            {
                // Impulses after the last sample day reach no sample (nor do ties starting then).
                while (sample < sampleDays.Length && sampleDays[sample] < day)
                    Keep(sample++, sampleDays, calendarOf, distinct, decay, fresh, sums, kept);
                if (sample == sampleDays.Length)
                    break;
                next = factor.Sample = sampleDays[sample];
            }
            ref readonly var rule = ref rules[e];
            var level = (int)rule.Level;
            foreach (var d in layout.DyadsOf(e))
            {
                var applied = StrengthModel.Apply(rule.Weight, rule.InPerson, rule.InPerson ? calendars[d].CancelShare(day) : 0.0, model);
                if (!applied.Applies)
                    continue;
                fresh[CertaintyParts.Count * d + level] += applied.Impulse * factor.Of(calendarOf[d], day);
                foreach (var child in children[d])
                    fresh[CertaintyParts.Count * child + level] += applied.SpillDown * factor.Of(calendarOf[child], day);
                if (parents[d] is var parent and >= 0)
                    fresh[CertaintyParts.Count * parent + level] += applied.SpillUp * factor.Of(calendarOf[parent], day);
                if (rule.HoldsTie)
                    ties.Add((d, rule.TieOn(DateOnly.FromDayNumber(day), applied, model)));
            }
        }
        while (sample < sampleDays.Length)
            Keep(sample++, sampleDays, calendarOf, distinct, decay, fresh, sums, kept);
        var (tieOffsets, tieSpans) = GroupTies(ties, dyads);

        var series = WriteAll(layout.Dyads, sampleDays, kept, tieOffsets, tieSpans, model, parallel);
        ArrayPool<double>.Shared.Return(kept);
        return new SeriesResult(scenario, step, dates, series);
    }

    /// <summary>
    /// 2^(−E/H) from an occurrence's day to the next sample day under each distinct calendar, computed once per calendar
    /// and day (an occurrence and its spills, and the occurrences of one day, share it).
    /// </summary>
    private sealed class DecayToSample(DecayTable decay, InterruptionCalendar[] calendars)
    {
        private readonly double[] factors = new double[calendars.Length];
        private readonly int[] days = Enumerable.Repeat(int.MinValue, calendars.Length).ToArray();

        /// <summary>The next sample day; set it before asking about a day after the one before.</summary>
        public int Sample { get; set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Of(int calendar, int day)
        {
            if (days[calendar] != day)
                (factors[calendar], days[calendar]) = (decay.Between(day, Sample, calendars[calendar]), day);
            return factors[calendar];
        }
    }

    /// <summary>Each dyad's calendar as an index into the distinct calendars (dyads the same interruptions apply to share one).</summary>
    private static (int[] CalendarOf, InterruptionCalendar[] Distinct) Distinct(InterruptionCalendar[] calendars)
    {
        var numbers = new Dictionary<InterruptionCalendar, int>(ReferenceEqualityComparer.Instance);
        var calendarOf = new int[calendars.Length];
        for (var d = 0; d < calendars.Length; d++)
        {
            if (!numbers.TryGetValue(calendars[d], out calendarOf[d]))
                numbers[calendars[d]] = calendarOf[d] = numbers.Count;
        }
        var distinct = new InterruptionCalendar[numbers.Count];
        foreach (var (calendar, number) in numbers)
            distinct[number] = calendar;
        return (calendarOf, distinct);
    }

    /// <summary>
    /// Sample <paramref name="s"/>: every dyad's sums carried from the sample before (2^(−E/H) over its calendar) plus the
    /// impulses since, decayed to this sample day; kept in the sample's row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Keep(int s, int[] sampleDays, int[] calendarOf, InterruptionCalendar[] distinct, DecayTable decay, double[] fresh, double[] sums, double[] kept)
    {
        Span<double> carry = distinct.Length <= 64 ? stackalloc double[distinct.Length] : new double[distinct.Length];
        for (var c = 0; c < distinct.Length; c++)
            carry[c] = s == 0 ? 1.0 : decay.Between(sampleDays[s - 1], sampleDays[s], distinct[c]);
        var row = kept.AsSpan(s * sums.Length, sums.Length);
        for (var d = 0; d < calendarOf.Length; d++)
        {
            var share = carry[calendarOf[d]];
            for (var p = CertaintyParts.Count * d; p < CertaintyParts.Count * (d + 1); p++)
            {
                row[p] = sums[p] = sums[p] * share + fresh[p];
                fresh[p] = 0.0;
            }
        }
    }

    /// <summary>Each dyad's parts at each sample: its kept sums plus the standing ties in force (as <see cref="DyadSweep.Run"/> writes them).</summary>
    private static DyadSeries[] WriteAll(Dyad[] dyads, int[] sampleDays, double[] kept, int[] tieOffsets, StandingSpan[] tieSpans, ModelParameters model, bool parallel)
    {
        var series = new DyadSeries[dyads.Length];
        if (parallel)
            Parallel.For(0, dyads.Length, d => series[d] = Write(d, dyads, sampleDays, kept, tieOffsets, tieSpans, model));
        else
            for (var d = 0; d < dyads.Length; d++)
                series[d] = Write(d, dyads, sampleDays, kept, tieOffsets, tieSpans, model);
        return series;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DyadSeries Write(int d, Dyad[] dyads, int[] sampleDays, double[] kept, int[] tieOffsets, StandingSpan[] tieSpans, ModelParameters model)
    {
        var (reported, inferred, assumed) = (new double[sampleDays.Length], new double[sampleDays.Length], new double[sampleDays.Length]);
        var standing = tieSpans.AsSpan(tieOffsets[d], tieOffsets[d + 1] - tieOffsets[d]);
        var stride = dyads.Length * CertaintyParts.Count;
        for (int s = 0, at = d * CertaintyParts.Count; s < sampleDays.Length; s++, at += stride)
        {
            var (tiesReported, tiesInferred, tiesAssumed) = standing.IsEmpty ? default : DyadSweep.StandingOn(standing, sampleDays[s]);
            reported[s] = kept[at] + tiesReported;
            inferred[s] = kept[at + 1] + tiesInferred;
            assumed[s] = kept[at + 2] + tiesAssumed;
        }
        return DyadSweep.Series(dyads[d], reported, inferred, assumed, model);
    }

    /// <summary>
    /// The occurrences' indices sorted by day, in their own order within a day (a stable counting sort: one pass to
    /// count each day, one to place), so impulses of one day are summed in file order whatever the sort.
    /// </summary>
    private static int[] InDateOrder(int[] occurrenceDay, int minDay, int maxDay)
    {
        var order = new int[occurrenceDay.Length];
        if (order.Length == 0)
            return order;
        var next = new int[maxDay - minDay + 2];
        foreach (var day in occurrenceDay)
            next[day - minDay + 1]++;
        for (var t = 1; t < next.Length; t++)
            next[t] += next[t - 1];
        for (var o = 0; o < occurrenceDay.Length; o++)
            order[next[occurrenceDay[o] - minDay]++] = o;
        return order;
    }

    private static (int[] Offsets, StandingSpan[] Spans) GroupTies(List<(int Dyad, StandingSpan Tie)> ties, int dyads)
    {
        var offsets = new int[dyads + 1];
        foreach (var (d, _) in ties)
            offsets[d + 1]++;
        for (var d = 0; d < dyads; d++)
            offsets[d + 1] += offsets[d];
        var next = offsets[..^1];
        var spans = new StandingSpan[ties.Count];
        foreach (var (d, tie) in ties)
            spans[next[d]++] = tie;
        return (offsets, spans);
    }
}
