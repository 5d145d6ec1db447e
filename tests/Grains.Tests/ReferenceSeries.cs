using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>The check every replay through grains ends with: its series equal the reference engine's.</summary>
internal static class ReferenceSeries
{
    /// <summary>Same sample days, same dyads in the same order, every score within 1e-9 of the reference evaluator's.</summary>
    public static void AssertEqual(Scenario scenario, SampleStep step, SeriesResult actual)
    {
        var reference = ReferenceEvaluator.Evaluate(scenario, step);
        Assert.Equal(reference.Dates, actual.Dates);
        Assert.Equal(reference.Dyads.Select(d => d.Dyad), actual.Dyads.Select(d => d.Dyad));
        for (var d = 0; d < reference.Dyads.Count; d++)
        {
            for (var i = 0; i < reference.Dates.Count; i++)
                Assert.True(Math.Abs(reference.Dyads[d].Scores[i] - actual.Dyads[d].Scores[i]) <= 1e-9,
                    $"{reference.Dyads[d].Dyad} on {reference.Dates[i]}: {reference.Dyads[d].Scores[i]:R} vs {actual.Dyads[d].Scores[i]:R}");
        }
    }
}
