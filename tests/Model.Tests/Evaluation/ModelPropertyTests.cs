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
    private static readonly Certainty[] Levels = [Certainty.Reported, Certainty.Inferred, Certainty.Assumed];

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
    public void The_reference_evaluator_and_its_certainty_parts_equal_model_md_written_out_independently_at_every_certainty()
    {
        ScenarioGen.Scenario.Sample(scenario =>
        {
            foreach (var level in Levels)
            {
                var result = ReferenceEvaluator.Evaluate(scenario.KeepingCertainty(level), SampleStep.Month);
                var naive = NaiveModel.Parts(scenario, level, result.Dates);
                Assert.Equal(naive.Keys.Order(), result.Dyads.Select(d => (d.Dyad.A, d.Dyad.B)));
                foreach (var series in result.Dyads)
                {
                    var expected = naive[(series.Dyad.A, series.Dyad.B)];
                    for (var i = 0; i < result.Dates.Count; i++)
                    {
                        var score = expected[0][i] + expected[1][i] + expected[2][i];
                        Assert.True(Math.Abs(score - series.Scores[i]) <= 1e-9,
                            $"{level}: {series.Dyad} on {result.Dates[i]}: model.md gives {score:R}, the reference {series.Scores[i]:R}");
                        foreach (var part in Levels)
                        {
                            Assert.True(Math.Abs(expected[(int)part][i] - series.Parts[part][i]) <= 1e-9,
                                $"{level}: {series.Dyad} on {result.Dates[i]}: model.md gives a {part} part of {expected[(int)part][i]:R}, the reference {series.Parts[part][i]:R}");
                        }
                    }
                }
            }
        }, iter: 60);
    }

    [Fact]
    public void The_parts_add_up_to_the_score_in_every_engine_that_runs_in_process()
    {
        Gen.Select(ScenarioGen.Scenario, Gen.Int.Nullable()).Sample((scenario, seed) =>
        {
            foreach (var result in (SeriesResult[])[ReferenceEvaluator.Evaluate(scenario, SampleStep.Month, seed), StreamingEvaluator.Evaluate(scenario, SampleStep.Month, seed)])
            {
                foreach (var series in result.Dyads)
                    Assert.Equal(series.Scores, series.Parts.Scores());
            }
        }, iter: 100);
    }

    /// <summary>
    /// Issue 20 and model.md rule 9: where every interruption is kept at level L, the parts at or above L add up to the
    /// score of the replay filtered at L (rule 8) on every dyad that replay has, and the strength parts at or above L to
    /// its strength — in the reference and the streaming engine, in runs without a seed.
    /// </summary>
    [Fact]
    public void With_every_interruption_kept_the_parts_at_or_above_a_level_are_the_replay_filtered_at_that_level()
    {
        Gen.Select(ScenarioGen.Scenario, Gen.Enum<SampleStep>()).Sample((scenario, step) =>
        {
            foreach (var level in Levels)
            {
                var kept = scenario with { Interruptions = [.. scenario.Interruptions.Where(i => (i.Certainty ?? Certainty.Reported) <= level)] };
                foreach (var engine in (Func<Scenario, SeriesResult>[])[s => ReferenceEvaluator.Evaluate(s, step), s => StreamingEvaluator.Evaluate(s, step)])
                {
                    var all = engine(kept).Dyads.ToDictionary(d => d.Dyad);
                    var filtered = engine(kept.KeepingCertainty(level));
                    foreach (var series in filtered.Dyads)
                    {
                        Assert.True(all.ContainsKey(series.Dyad), $"{series.Dyad} of the {level} replay is not in the full replay");
                        var parts = all[series.Dyad].Parts;
                        for (var i = 0; i < filtered.Dates.Count; i++)
                        {
                            Assert.True(Math.Abs(parts.AtOrAbove(level, i) - series.Scores[i]) <= 1e-9,
                                $"{level}, {step}: {series.Dyad} on {filtered.Dates[i]}: parts at or above {level} add up to {parts.AtOrAbove(level, i):R}, the {level} replay gives {series.Scores[i]:R}");
                            var strength = parts.StrengthParts(i, kept.Model);
                            var atOrAbove = level switch
                            {
                                Certainty.Reported => strength.Reported,
                                Certainty.Inferred => strength.Reported + strength.Inferred,
                                _ => strength.Reported + strength.Inferred + strength.Assumed,
                            };
                            Assert.True(Math.Abs(atOrAbove - series.Strengths[i]) <= 1e-9,
                                $"{level}, {step}: {series.Dyad} on {filtered.Dates[i]}: strength parts give {atOrAbove:R}, the {level} replay {series.Strengths[i]:R}");
                        }
                    }
                }
            }
        }, iter: 150);
    }

    private static byte[] CsvBytes(SeriesResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
            SeriesCsv.Write(result, writer);
        return stream.ToArray();
    }
}
