using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// R at many sample days in one sweep: the decayed sum is carried from day to day and multiplied by
/// 2^(−E/H) over each step, which is exact because E is additive over consecutive spans (model.md, E).
/// Cost grows with impulses plus samples, not their product; the actor engine uses it. Impulses are summed in
/// (day, amount) order, so the result does not depend on the order in which they arrived.
/// </summary>
public static class IncrementalScore
{
    public static double[] Scores(
        IEnumerable<(DateOnly Day, double Amount)> impulses,
        IReadOnlyList<(DateOnly Start, DateOnly? Until, double Value)> standing,
        InterruptionCalendar calendar,
        ModelParameters model,
        IReadOnlyList<DateOnly> sampleDays)
    {
        var ordered = impulses.ToArray();
        Array.Sort(ordered, (x, y) => x.Day != y.Day ? x.Day.CompareTo(y.Day) : x.Amount.CompareTo(y.Amount));
        var scores = new double[sampleDays.Count];
        var decayed = 0.0;
        DateOnly? cursor = null;
        var next = 0;

        void AdvanceTo(DateOnly day)
        {
            if (cursor is { } from && from < day)
                decayed *= StrengthModel.Decay(StrengthModel.EffectiveElapsedDays(from, day, calendar, model), model);
            cursor = day;
        }

        for (var s = 0; s < sampleDays.Count; s++)
        {
            var t = sampleDays[s];
            while (next < ordered.Length && ordered[next].Day <= t)
            {
                AdvanceTo(ordered[next].Day);
                decayed += ordered[next].Amount;
                next++;
            }
            AdvanceTo(t);
            var score = decayed;
            foreach (var tie in standing)
            {
                if (StrengthModel.InForce(tie.Start, tie.Until, t))
                    score += tie.Value;
            }
            scores[s] = score;
        }
        return scores;
    }
}
