using System.Text;
using CsCheck;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Properties of model 1.1 that hold for every scenario, checked on generated small scenarios.</summary>
public sealed class ModelPropertyTests
{
    [Fact]
    public void The_explanation_sums_to_R_on_every_dyad_and_sample()
    {
        ScenarioGen.Scenario.Sample(scenario =>
        {
            var timeline = ScenarioTimeline.Build(scenario);
            var result = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
            foreach (var series in result.Dyads)
            {
                for (var i = 0; i < result.Dates.Count; i++)
                {
                    var explanation = Explanation.Of(timeline, series.Dyad, result.Dates[i]);
                    Assert.Equal(series.Scores[i], explanation.Score);
                    var sum = explanation.Lines.Sum(l => l.Value);
                    Assert.True(Math.Abs(sum - explanation.Score) <= 1e-9,
                        $"{series.Dyad} on {result.Dates[i]}: lines add up to {sum:R}, R is {explanation.Score:R}");
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void Adding_a_positive_event_never_lowers_R_at_any_sample()
    {
        ScenarioGen.ScenarioAndPositiveEvent.Sample((scenario, extra) =>
        {
            var before = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
            var after = ReferenceEvaluator.Evaluate(scenario with { Events = [.. scenario.Events, extra] }, SampleStep.Month)
                .Dyads.ToDictionary(d => d.Dyad);
            foreach (var series in before.Dyads)
            {
                for (var i = 0; i < before.Dates.Count; i++)
                {
                    Assert.True(after[series.Dyad].Scores[i] >= series.Scores[i],
                        $"{series.Dyad} on {before.Dates[i]}: R fell from {series.Scores[i]:R} to {after[series.Dyad].Scores[i]:R}");
                }
            }
        }, iter: 200);
    }

    [Fact]
    public void The_same_input_gives_identical_series_csv_bytes()
    {
        Gen.Select(ScenarioGen.Scenario, Gen.Int.Nullable()).Sample((scenario, seed) =>
        {
            var first = CsvBytes(ReferenceEvaluator.Evaluate(scenario, SampleStep.Week, seed));
            var second = CsvBytes(ReferenceEvaluator.Evaluate(scenario, SampleStep.Week, seed));
            Assert.Equal(first, second);
        }, iter: 100);
    }

    [Fact]
    public void The_reference_evaluator_equals_model_md_written_out_independently_at_every_certainty()
    {
        ScenarioGen.Scenario.Sample(scenario =>
        {
            foreach (var level in (Certainty[])[Certainty.Reported, Certainty.Inferred, Certainty.Assumed])
            {
                var result = ReferenceEvaluator.Evaluate(scenario.KeepingCertainty(level), SampleStep.Month);
                var naive = NaiveModel.Scores(scenario, level, result.Dates);
                Assert.Equal(naive.Keys.Order(), result.Dyads.Select(d => (d.Dyad.A, d.Dyad.B)));
                foreach (var series in result.Dyads)
                {
                    var expected = naive[(series.Dyad.A, series.Dyad.B)];
                    for (var i = 0; i < result.Dates.Count; i++)
                    {
                        Assert.True(Math.Abs(expected[i] - series.Scores[i]) <= 1e-9,
                            $"{level}: {series.Dyad} on {result.Dates[i]}: model.md gives {expected[i]:R}, the reference {series.Scores[i]:R}");
                    }
                }
            }
        }, iter: 60);
    }

    private static byte[] CsvBytes(SeriesResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
            SeriesCsv.Write(result, writer);
        return stream.ToArray();
    }
}
