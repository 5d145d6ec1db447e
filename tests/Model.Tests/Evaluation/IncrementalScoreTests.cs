using CsCheck;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>
/// The one-sweep R of the actor engine must equal the closed form of model.md, and so the reference evaluator.
/// It multiplies decay factors step by step, so it may differ in the last bits: the engines' contract is 1e-9
/// (interfaces and issue), and these tests hold it to a relative 1e-12, a thousand times tighter.
/// </summary>
public sealed class IncrementalScoreTests
{
    private static void AssertClose(IEnumerable<double> expected, IReadOnlyList<double> actual)
    {
        var want = expected.ToArray();
        Assert.Equal(want.Length, actual.Count);
        for (var i = 0; i < want.Length; i++)
            Assert.True(Math.Abs(want[i] - actual[i]) <= 1e-12 * Math.Max(1.0, Math.Abs(want[i])),
                $"sample {i}: expected {want[i]:R}, got {actual[i]:R}");
    }

    [Fact]
    public void One_impulse_sampled_monthly_equals_the_closed_form_to_within_1e_12()
    {
        var start = Day("2020-01-01");
        var samples = Sampling.Dates(new Period(start, Day("2020-12-31")), SampleStep.Month);

        var scores = IncrementalScore.Scores([(start, 1.9)], [], InterruptionCalendar.Empty, ModelParameters.Default, samples);

        AssertClose(samples.Select(t => 1.9 * Math.Pow(2, -(t.DayNumber - start.DayNumber) / 540.0)), scores);
    }

    [Fact]
    public void A_standing_tie_counts_while_in_force()
    {
        var samples = new[] { Day("2020-01-31"), Day("2020-02-01"), Day("2020-02-29"), Day("2020-03-01") };

        var scores = IncrementalScore.Scores([], [(Day("2020-02-01"), Day("2020-03-01"), 5.0)],
            InterruptionCalendar.Empty, ModelParameters.Default, samples);

        Assert.Equal([0.0, 5.0, 5.0, 0.0], scores);
    }

    [Fact]
    public void Incremental_scores_equal_the_reference_evaluator_to_within_1e_12()
    {
        ScenarioGen.Scenario.Sample(scenario =>
        {
            var timeline = ScenarioTimeline.Build(scenario);
            var dates = Sampling.Dates(scenario.Period, SampleStep.Month);
            foreach (var (dyad, dyadTimeline) in timeline.Dyads)
            {
                var contributions = dyadTimeline.Contributions;
                var scores = IncrementalScore.Scores(
                    contributions.Where(c => c.Kind != ContributionKind.Standing).Select(c => (c.Day, c.Amount)),
                    [.. contributions.Where(c => c.Kind == ContributionKind.Standing).Select(c => (c.Day, c.Until, c.Amount))],
                    dyadTimeline.Calendar, scenario.Model, dates);
                AssertClose(dates.Select(t => ReferenceEvaluator.Score(dyadTimeline, t, scenario.Model)), scores);
            }
        }, iter: 100);
    }
}
