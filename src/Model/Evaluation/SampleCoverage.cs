namespace Relations.Model.Evaluation;

/// <summary>
/// Whether a period holds at least one sample day for a step (model.md rule 6 samples months on the 1st and years on
/// 1 January): a one-day period in mid-month has no monthly sample, and its run would have nothing to show.
/// </summary>
public static class SampleCoverage
{
    /// <summary>Null when the period has a sample for the step; otherwise a sentence saying why not and what to do.</summary>
    public static string? Problem(Scenarios.Period period, SampleStep step)
    {
        var first = step switch
        {
            SampleStep.Month => period.From.Day == 1 ? period.From : new DateOnly(period.From.Year, period.From.Month, 1).AddMonths(1),
            SampleStep.Year => period.From.DayOfYear == 1 ? period.From : new DateOnly(period.From.Year + 1, 1, 1),
            _ => period.From,
        };
        if (first <= period.To)
            return null;
        var rule = step == SampleStep.Month ? "on the 1st of each month" : "on 1 January";
        return $"the period {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd} holds no {Sampling.Name(step)} sample ({Sampling.Name(step)} samples fall {rule}); sample by day or week, or lengthen the period";
    }
}
