using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The reference engine: a plain single-threaded loop that sums every contribution of model.md at every sample
/// day, by certainty part (rule 9). Slow and obvious on purpose; the other engines are checked against it.
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
            var (reported, inferred, assumed) = (new double[dates.Count], new double[dates.Count], new double[dates.Count]);
            for (var i = 0; i < dates.Count; i++)
                (reported[i], inferred[i], assumed[i]) = Parts(dyadTimeline, dates[i], scenario.Model);
            series.Add(DyadSweep.Series(dyad, reported, inferred, assumed, scenario.Model));
        }
        return new SeriesResult(scenario, step, dates, series);
    }

    /// <summary>R of a dyad on day t: the sum of its certainty parts (<see cref="CertaintyParts.Sum"/>).</summary>
    public static double Score(DyadTimeline timeline, DateOnly t, ModelParameters model)
    {
        var (reported, inferred, assumed) = Parts(timeline, t, model);
        return CertaintyParts.Sum(reported, inferred, assumed);
    }

    /// <summary>R's parts on day t (model.md rule 9): each the sum of the values of the contributions counting in it.</summary>
    public static (double Reported, double Inferred, double Assumed) Parts(DyadTimeline timeline, DateOnly t, ModelParameters model)
    {
        var (reported, inferred, assumed) = (0.0, 0.0, 0.0);
        foreach (var c in timeline.Contributions)
        {
            var value = ValueOn(c, t, timeline.Calendar, model);
            switch (c.Level)
            {
                case Certainty.Reported: reported += value; break;
                case Certainty.Inferred: inferred += value; break;
                default: assumed += value; break;
            }
        }
        return (reported, inferred, assumed);
    }

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
