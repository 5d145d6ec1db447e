using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The fast engine (<c>--engine fast</c>): occurrences placed once (<see cref="Occurrences.Place"/>), each applied
/// impulse and its spills written once into flat arrays, sorted by (dyad, day) once, and every dyad swept in date
/// order with its interruption calendar precomputed (<see cref="DyadSweep"/>), samples emitted on the way. Cost
/// O(E log E + D·S) instead of the reference's O(E·S). Single-threaded unless asked, so its figure is one core's.
/// It equals <see cref="ReferenceEvaluator"/> to rounding (1e-9): only the order of summation differs.
/// </summary>
public static class StreamingEvaluator
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SeriesResult Evaluate(Scenario scenario, SampleStep step = SampleStep.Month, int? seed = null, bool parallel = false)
    {
        var layout = DyadLayout.Of(scenario);
        var model = scenario.Model;
        var events = scenario.Events;
        var total = 0L;
        foreach (var ev in events)
            total += ev.Count ?? 1;
        // Room for every occurrence's impulse and a spill or two, so the buffer seldom grows.
        var impulses = new ImpulseBuffer((int)Math.Min(int.MaxValue / 4, Math.Max(16, total * 3)));
        var ties = new List<(int Dyad, StandingSpan Tie)>();
        var (minDay, maxDay) = (int.MaxValue, int.MinValue);

        // Occurrences placed inline, drawing in the same order as Occurrences.Place, so seeded runs equal the reference.
        var random = Occurrences.Generator(seed);
        for (var e = 0; e < events.Count; e++)
        {
            var current = events[e];
            var (weight, inPerson) = (StrengthModel.ImpulseWeight(current, model), current.Mode == EventMode.InPerson);
            var hasTie = EventKind.HoldsTie(current.Kind);
            var n = current.Count ?? 1;
            var dyads = layout.DyadsOf(e);
            for (var i = 0; i < n; i++)
            {
                var date = Occurrences.DayOf(current, i, random);
                var day = date.DayNumber;
                (minDay, maxDay) = (Math.Min(minDay, day), Math.Max(maxDay, day));
                foreach (var d in dyads)
                {
                    // Rule 3 (1.1): decided on the event's own dyad; its spills are not cancelled again where they arrive.
                    var factor = inPerson ? 1.0 - layout.Calendars[d].CancelShare(day) : 1.0;
                    if (factor == 0.0)
                        continue;
                    var w = weight * factor;
                    impulses.Add(d, day, w);
                    foreach (var child in layout.Children[d])
                        impulses.Add(child, day, model.SpillDown * w);
                    if (layout.Parent[d] >= 0)
                        impulses.Add(layout.Parent[d], day, model.SpillUp * w);
                    if (hasTie && StrengthModel.StandingTie(current, date, model, scenario.KeptCertainty) is { } tie)
                        ties.Add((d, StandingSpan.Of(date, tie.Until, tie.Value * factor)));
                }
            }
        }

        var dates = Sampling.Dates(scenario.Period, step);
        var sampleDays = dates.Select(d => d.DayNumber).ToArray();
        if (sampleDays.Length > 0)
            (minDay, maxDay) = (Math.Min(minDay, sampleDays[0]), Math.Max(maxDay, sampleDays[^1]));
        var decay = new DecayTable(model, maxDay >= minDay ? maxDay - minDay : 0);
        var (offsets, days, amounts) = impulses.SortedByDyadAndDay(layout.Count, minDay, maxDay);
        var (tieOffsets, tieSpans) = GroupTies(ties, layout.Count);

        var series = new DyadSeries[layout.Count];
        void Sweep(int d)
        {
            var scores = new double[sampleDays.Length];
            var position = SweepPosition.Start;
            var (from, to) = (offsets[d], offsets[d + 1]);
            DyadSweep.Run(ref position, days.AsSpan(from, to - from), amounts.AsSpan(from, to - from),
                tieSpans.AsSpan(tieOffsets[d], tieOffsets[d + 1] - tieOffsets[d]), layout.Calendars[d], decay,
                sampleDays, 0, scores, int.MaxValue);
            series[d] = new DyadSeries(layout.Dyads[d], scores, DyadSweep.Strengths(scores, model));
        }
        if (parallel)
            Parallel.For(0, layout.Count, Sweep);
        else
            for (var d = 0; d < layout.Count; d++)
                Sweep(d);
        return new SeriesResult(scenario, step, dates, series);
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

    /// <summary>Impulses as three flat arrays (no object per impulse), grown by doubling.</summary>
    private sealed class ImpulseBuffer(int capacity)
    {
        private int[] dyad = new int[capacity];
        private int[] day = new int[capacity];
        private double[] amount = new double[capacity];
        private int count;

        public void Add(int d, int t, double w)
        {
            if (count == dyad.Length)
            {
                Array.Resize(ref dyad, count * 2);
                Array.Resize(ref day, count * 2);
                Array.Resize(ref amount, count * 2);
            }
            (dyad[count], day[count], amount[count]) = (d, t, w);
            count++;
        }

        /// <summary>
        /// Sorted by (dyad, day) in two stable counting passes, by day and then by dyad (days span a few thousand values):
        /// offsets[d]..offsets[d+1] are dyad d's impulses, in date order.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (int[] Offsets, int[] Days, double[] Amounts) SortedByDyadAndDay(int dyads, int minDay, int maxDay)
        {
            var order = new int[count];
            var dayCounts = new int[count == 0 ? 1 : maxDay - minDay + 2];
            for (var i = 0; i < count; i++)
                dayCounts[day[i] - minDay + 1]++;
            for (var t = 1; t < dayCounts.Length; t++)
                dayCounts[t] += dayCounts[t - 1];
            for (var i = 0; i < count; i++)
                order[dayCounts[day[i] - minDay]++] = i;

            var offsets = new int[dyads + 1];
            for (var i = 0; i < count; i++)
                offsets[dyad[i] + 1]++;
            for (var d = 0; d < dyads; d++)
                offsets[d + 1] += offsets[d];
            var next = offsets[..^1];
            var days = new int[count];
            var amounts = new double[count];
            foreach (var i in order)
            {
                var at = next[dyad[i]]++;
                (days[at], amounts[at]) = (day[i], amount[i]);
            }
            return (offsets, days, amounts);
        }
    }
}
