using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>The check every replay through grains ends with: its series equal the reference engine's.</summary>
internal static class ReferenceSeries
{
    /// <summary>Same sample days, same dyads in the same order, every score, certainty part and strength within 1e-9 of the reference evaluator's.</summary>
    public static void AssertEqual(Scenario scenario, SampleStep step, SeriesResult actual) =>
        AssertSame(ReferenceEvaluator.Evaluate(scenario, step), actual);

    /// <summary>Two results agree to 1e-9 (<see cref="SeriesDifference"/>).</summary>
    public static void AssertSame(SeriesResult expected, SeriesResult actual)
    {
        var (difference, where) = SeriesDifference.Largest(expected, actual);
        Assert.True(difference <= 1e-9, $"the results differ by {difference:E2}: {where}");
    }
}
