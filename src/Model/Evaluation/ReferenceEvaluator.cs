using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The reference engine: a plain single-threaded loop that sums every contribution of model.md at every sample
/// day. Slow and obvious on purpose; the actor engine is checked against it.
/// </summary>
public static class ReferenceEvaluator
{
    public static SeriesResult Evaluate(Scenario scenario, SampleStep step = SampleStep.Month, int? seed = null)
    {
        var timeline = ScenarioTimeline.Build(scenario, seed);
        var dates = Sampling.Dates(scenario.Period, step);
        var series = new List<DyadSeries>();
        foreach (var (dyad, dyadTimeline) in timeline.Dyads)
        {
            var scores = new double[dates.Count];
            var strengths = new double[dates.Count];
            for (var i = 0; i < dates.Count; i++)
            {
                scores[i] = Score(dyadTimeline, dates[i], scenario.Model);
                strengths[i] = StrengthModel.Strength(scores[i], scenario.Model);
            }
            series.Add(new DyadSeries(dyad, scores, strengths));
        }
        return new SeriesResult(scenario, step, dates, series);
    }

    /// <summary>R of a dyad on day t: the sum of each contribution's value on that day.</summary>
    public static double Score(DyadTimeline timeline, DateOnly t, ModelParameters model) =>
        timeline.Contributions.Sum(c => ValueOn(c, t, timeline.Calendar, model));

    /// <summary>What one contribution adds to R on day t: a decayed impulse, or a standing tie in force.</summary>
    public static double ValueOn(Contribution c, DateOnly t, InterruptionCalendar calendar, ModelParameters model)
    {
        if (c.Kind == ContributionKind.Standing)
            return StrengthModel.InForce(c.Day, c.Until, t) ? c.Amount : 0.0;
        if (c.Day > t)
            return 0.0;
        return c.Amount * StrengthModel.Decay(StrengthModel.EffectiveElapsedDays(c.Day, t, calendar), model);
    }
}
