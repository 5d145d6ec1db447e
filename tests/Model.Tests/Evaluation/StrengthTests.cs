using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>The strength index S and rule 1's weights, with the scenario's model overrides.</summary>
public sealed class StrengthTests
{
    private static (double Score, double Strength) OnFirstDay(Scenario scenario)
    {
        var series = Assert.Single(ReferenceEvaluator.Evaluate(scenario, SampleStep.Day).Dyads);
        return (series.Scores[0], series.Strengths[0]);
    }

    [Fact]
    public void Strength_is_100_times_one_minus_e_to_the_minus_R_over_kappa()
    {
        var (score, strength) = OnFirstDay(Load("""
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn, la], source: s }
            """));

        Assert.Equal(13.0, score);
        Assert.Equal(100.0 * (1 - Math.Exp(-13.0 / 10)), strength);
    }

    [Fact]
    public void A_negative_score_gives_a_negative_strength()
    {
        var (score, strength) = OnFirstDay(Load("""
            events:
              - { date: 2020-01-01, kind: disapprove, between: [vn, la], source: s }
            """));

        Assert.Equal(-2.0, score);
        Assert.Equal(-100.0 * (1 - Math.Exp(-2.0 / 10)), strength);
    }

    [Fact]
    public void A_zero_score_gives_a_zero_strength()
    {
        Assert.Equal(0.0, StrengthModel.Strength(0.0, ModelParameters.Default));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(7.25)]
    [InlineData(31.0)]
    public void Opposite_scores_give_opposite_strengths(double score)
    {
        Assert.Equal(-StrengthModel.Strength(score, ModelParameters.Default), StrengthModel.Strength(-score, ModelParameters.Default));
        Assert.Equal(100.0 * (1 - Math.Exp(-score / 10)), StrengthModel.Strength(score, ModelParameters.Default));
    }

    [Fact]
    public void A_kappa_override_rescales_the_strength()
    {
        var (_, strength) = OnFirstDay(Load("""
            model: { kappa: 20 }
            events:
              - { date: 2020-01-01, kind: reduce, between: [vn, la], source: s }
            """));

        Assert.Equal(-100.0 * (1 - Math.Exp(-4.0 / 20)), strength);
    }

    [Theory]
    [InlineData("consult", 1.0)]
    [InlineData("visit", 1.9)]
    [InlineData("host", 2.8)]
    [InlineData("cooperate", 3.5)]
    [InlineData("intent", 4.0)]
    [InlineData("material", 6.4)]
    [InlineData("aid", 7.0)]
    [InlineData("twinning", 8.0 + 3.0)]
    [InlineData("agreement", 8.0 + 5.0)]
    [InlineData("disapprove", -2.0)]
    [InlineData("reduce", -4.0)]
    public void Each_kind_adds_its_Goldstein_weight(string kind, double expected)
    {
        var (score, _) = OnFirstDay(Load($$"""
            events:
              - { date: 2020-01-01, kind: {{kind}}, between: [vn, la], source: s }
            """));

        Assert.Equal(expected, score);
    }

    [Fact]
    public void Model_weights_can_add_a_new_kind()
    {
        var (score, _) = OnFirstDay(Load("""
            model: { weights: { festival: 2.5 } }
            events:
              - { date: 2020-01-01, kind: festival, between: [vn, la], source: s }
            """));

        Assert.Equal(2.5, score);
    }

    [Fact]
    public void Model_weights_can_override_a_kinds_weight()
    {
        var (score, _) = OnFirstDay(Load("""
            model: { weights: { visit: 3.25 } }
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
            """));

        Assert.Equal(3.25, score);
    }

    [Fact]
    public void An_events_weight_overrides_its_kinds_weight_and_is_scaled_when_online()
    {
        var (score, _) = OnFirstDay(Load("""
            model: { weights: { visit: 3.25 } }
            events:
              - { date: 2020-01-01, kind: visit, weight: 4.2, between: [vn, la], source: s }
              - { date: 2020-01-01, kind: visit, weight: 1.5, mode: online, between: [vn, la], source: s }
            """));

        Assert.Equal(4.2 + 1.5 * 0.5, score);
    }

    [Fact]
    public void An_unknown_kind_is_rejected_unless_model_weights_adds_it()
    {
        var problems = Problems(Text("""
            events:
              - { date: 2020-01-01, kind: festival, between: [vn, la], source: s }
            """));

        Assert.Contains("event kind 'festival' is not known", Assert.Single(problems).Message);
    }

    [Fact]
    public void Model_parameters_default_to_the_values_of_model_md()
    {
        var model = Load("relationships: [[vn, la]]").Model;

        Assert.Equal(
            (540.0, 2.0, 10.0, 0.5, 0.25, 0.10, 5.0, 3, 3.0),
            (model.HalfLifeDays, model.InterruptionDecayMultiplier, model.Kappa, model.OnlineFactor, model.SpillDown,
                model.SpillUp, model.AgreementStanding, model.AgreementTermYears, model.TwinningStanding));
    }
}
