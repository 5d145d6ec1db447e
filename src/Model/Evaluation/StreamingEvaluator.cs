using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The fast engine (<c>--engine fast</c>): events walked once in file order, each one's rule read
/// (<see cref="EventRule"/>) and its occurrences placed (<see cref="Occurrences.DayOf"/>); occurrences put in date
/// order by one counting pass over the days; each applied by the rule kernel (<see cref="StrengthModel.Apply"/>) in that
/// order, its impulse and spills written straight into their dyads' slices of flat arrays (sized beforehand by
/// <see cref="DyadLayout.ImpulseCapacity"/>), so every slice is in date order as it fills; then each dyad swept once
/// (<see cref="DyadSweep"/>), samples emitted on the way. Cost O(E + D·S + days spanned), where the reference's is
/// O(E·S). Single-threaded unless asked, so its figure is one core's. It equals <see cref="ReferenceEvaluator"/> to
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

        var offsets = new int[layout.Count + 1];
        for (var d = 0; d < layout.Count; d++)
            offsets[d + 1] = checked(offsets[d] + (int)layout.ImpulseCapacity(d));
        var filled = offsets[..^1];
        var (days, amounts, levels) = (new int[offsets[^1]], new double[offsets[^1]], new Certainty[offsets[^1]]);
        var ties = new List<(int Dyad, StandingSpan Tie)>();
        foreach (var o in order)
        {
            var (day, e) = (occurrenceDay[o], occurrenceEvent[o]);
            var rule = rules[e];
            foreach (var d in layout.DyadsOf(e))
            {
                var applied = StrengthModel.Apply(rule.Weight, rule.InPerson, rule.InPerson ? calendars[d].CancelShare(day) : 0.0, model);
                if (!applied.Applies)
                    continue;
                var at = filled[d]++;
                (days[at], amounts[at], levels[at]) = (day, applied.Impulse, rule.Level);
                foreach (var child in layout.Children[d])
                {
                    at = filled[child]++;
                    (days[at], amounts[at], levels[at]) = (day, applied.SpillDown, rule.Level);
                }
                if (layout.Parent[d] is var parent and >= 0)
                {
                    at = filled[parent]++;
                    (days[at], amounts[at], levels[at]) = (day, applied.SpillUp, rule.Level);
                }
                if (rule.HoldsTie)
                    ties.Add((d, rule.TieOn(DateOnly.FromDayNumber(day), applied, model)));
            }
        }

        var dates = Sampling.Dates(scenario.Period, step);
        var sampleDays = dates.Select(d => d.DayNumber).ToArray();
        if (sampleDays.Length > 0)
            (minDay, maxDay) = (Math.Min(minDay, sampleDays[0]), Math.Max(maxDay, sampleDays[^1]));
        var decay = new DecayTable(model, maxDay >= minDay ? maxDay - minDay : 0);
        var (tieOffsets, tieSpans) = GroupTies(ties, layout.Count);

        var series = new DyadSeries[layout.Count];
        void Sweep(int d)
        {
            var (from, count) = (offsets[d], filled[d] - offsets[d]);
            var (reported, inferred, assumed) = (new double[sampleDays.Length], new double[sampleDays.Length], new double[sampleDays.Length]);
            var position = SweepPosition.Start;
            DyadSweep.Run(ref position, days.AsSpan(from, count), amounts.AsSpan(from, count), levels.AsSpan(from, count),
                tieSpans.AsSpan(tieOffsets[d], tieOffsets[d + 1] - tieOffsets[d]), calendars[d], decay,
                sampleDays, 0, new PartScores(reported, inferred, assumed), int.MaxValue);
            series[d] = DyadSweep.Series(layout.Dyads[d], reported, inferred, assumed, model);
        }
        if (parallel)
            Parallel.For(0, layout.Count, Sweep);
        else
            for (var d = 0; d < layout.Count; d++)
                Sweep(d);
        return new SeriesResult(scenario, step, dates, series);
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
