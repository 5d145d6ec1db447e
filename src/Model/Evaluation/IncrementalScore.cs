using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// R at many sample days in one sweep (<see cref="DecaySweep"/>): cost grows with impulses plus samples, not
/// their product. Impulses are summed in (day, amount) order, so the result does not depend on the order in
/// which they arrived. The actor engine does the same, a time slice at a time.
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
        Array.Sort(ordered, DecaySweep.Order);
        var scores = new double[sampleDays.Count];
        var sweep = new DecaySweep();
        var next = 0;
        for (var s = 0; s < sampleDays.Count; s++)
        {
            var t = sampleDays[s];
            for (; next < ordered.Length && ordered[next].Day <= t; next++)
                sweep.Add(ordered[next].Day, ordered[next].Amount, calendar, model);
            sweep.AdvanceTo(t, calendar, model);
            scores[s] = sweep.Decayed + StandingOn(standing, t);
        }
        return scores;
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
