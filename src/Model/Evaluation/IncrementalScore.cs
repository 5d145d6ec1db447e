using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// R at many sample days in one sweep (<see cref="DecaySweep"/>): cost grows with impulses plus samples, not
/// their product. Impulses are summed in (day, amount) order, so the result does not depend on the order in
/// which they arrived. The actor engine calls <see cref="SweepThrough"/> a time slice at a time.
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
        var pending = impulses.ToList();
        var scores = new List<double>(sampleDays.Count);
        var sweep = new DecaySweep();
        SweepThrough(ref sweep, pending, standing, calendar, model, sampleDays, scores, DateOnly.MaxValue);
        return [.. scores];
    }

    /// <summary>
    /// Folds the pending impulses dated up to <paramref name="through"/> into <paramref name="sweep"/> (removing them
    /// from <paramref name="pending"/>), and appends to <paramref name="scores"/> the score of every sample day passed on
    /// the way, from the first one not yet scored. Pending impulses must not be dated before the sweep's cursor.
    /// </summary>
    public static void SweepThrough(
        ref DecaySweep sweep,
        List<(DateOnly Day, double Amount)> pending,
        IReadOnlyList<(DateOnly Start, DateOnly? Until, double Value)> standing,
        InterruptionCalendar calendar,
        ModelParameters model,
        IReadOnlyList<DateOnly> sampleDays,
        List<double> scores,
        DateOnly through)
    {
        pending.Sort(DecaySweep.Order);
        var folded = 0;
        for (var sample = scores.Count; sample < sampleDays.Count && sampleDays[sample] <= through; sample++)
        {
            var t = sampleDays[sample];
            for (; folded < pending.Count && pending[folded].Day <= t; folded++)
                sweep.Add(pending[folded].Day, pending[folded].Amount, calendar, model);
            sweep.AdvanceTo(t, calendar, model);
            scores.Add(sweep.Decayed + StandingOn(standing, t));
        }
        for (; folded < pending.Count && pending[folded].Day <= through; folded++)
            sweep.Add(pending[folded].Day, pending[folded].Amount, calendar, model);
        pending.RemoveRange(0, folded);
    }

    /// <summary>The sum of the standing ties in force on day t (model.md rule 2).</summary>
    public static double StandingOn(IEnumerable<(DateOnly Start, DateOnly? Until, double Value)> standing, DateOnly t)
    {
        var sum = 0.0;
        foreach (var tie in standing)
        {
            if (StrengthModel.InForce(tie.Start, tie.Until, t))
                sum += tie.Value;
        }
        return sum;
    }
}
