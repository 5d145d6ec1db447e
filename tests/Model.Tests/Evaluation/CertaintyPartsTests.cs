using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>
/// Model.md rule 9: R split into the parts resting on reported, inferred and assumed entries, pinned on hand-computed
/// cases, equal in the reference and the streaming engine.
/// </summary>
public sealed class CertaintyPartsTests
{
    /// <summary>The parts of dyad {a, b} on a day, from each in-process engine; they must agree.</summary>
    private static (double Reported, double Inferred, double Assumed) Parts(Scenario scenario, string a, string b, string day)
    {
        var t = Day(day);
        var oneDay = scenario with { Period = new Period(t, t) };
        var reference = ReferenceEvaluator.Evaluate(oneDay, SampleStep.Day);
        var fast = StreamingEvaluator.Evaluate(oneDay, SampleStep.Day);
        StreamingEvaluatorTests.AssertEqual(reference, fast, $"{a}–{b} on {day}");
        var parts = reference.Dyads.Single(d => d.Dyad == new Dyad(a, b)).Parts;
        return (parts.Reported[0], parts.Inferred[0], parts.Assumed[0]);
    }

    [Fact]
    public void Each_impulse_counts_in_its_events_part_and_decays_there()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
              - { date: 2020-01-01, kind: host, between: [vn, cn], source: s, certainty: assumed }
              - { date: 2020-01-01, kind: consult, between: [vn, cn], source: s, certainty: inferred }
            """);

        Assert.Equal((1.9, 1.0, 2.8), Parts(scenario, "cn", "vn", "2020-01-01"));
        var (reported, inferred, assumed) = Parts(scenario, "cn", "vn", "2021-06-24");   // 540 days on: one half-life
        Assert.Equal(0.95, reported, 12);
        Assert.Equal(0.5, inferred, 12);
        Assert.Equal(1.4, assumed, 12);
    }

    [Fact]
    public void A_spill_carries_its_events_certainty_to_the_dyads_it_reaches()
    {
        var scenario = Load("""
            relationships:
              - [vn-village, cn-village]
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, cn-county], source: s, certainty: inferred }
            """);

        Assert.Equal((0.0, 0.1 * 1.9, 0.0), Parts(scenario, "cn", "vn", "2020-01-01"));
        Assert.Equal((0.0, 0.25 * 1.9, 0.0), Parts(scenario, "cn-village", "vn-village", "2020-01-01"));
    }

    [Fact]
    public void A_standing_tie_counts_in_its_terms_part_and_its_impulse_in_the_events()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn, cn], term: { years: 1 }, source: s, certainty: inferred, termCertainty: assumed }
              - { date: 2020-01-01, kind: twinning, between: [vn, la], source: s }
            """);

        Assert.Equal((0.0, 8.0, 5.0), Parts(scenario, "cn", "vn", "2020-01-01"));
        Assert.Equal((8.0 + 3.0, 0.0, 0.0), Parts(scenario, "la", "vn", "2020-01-01"));
        Assert.Equal(0.0, Parts(scenario, "cn", "vn", "2021-01-01").Assumed);   // the term has ended
    }

    [Fact]
    public void A_partly_cancelled_event_scales_its_own_part()
    {
        var scenario = Load("""
            interruptions:
              - { id: restriction, from: 2020-01-01, to: 2020-12-31, scope: all, cancels: 0.5 }
            events:
              - { date: 2020-03-01, kind: agreement, between: [vn, cn], source: s, certainty: assumed }
            """);

        Assert.Equal((0.0, 0.0, 0.5 * 8.0 + 0.5 * 5.0), Parts(scenario, "cn", "vn", "2020-03-01"));
    }

    [Fact]
    public void Strength_parts_are_what_each_level_adds_on_top_of_the_surer_ones()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
              - { date: 2020-01-01, kind: agreement, between: [vn, cn], source: s, certainty: assumed }
            """);
        var series = ReferenceEvaluator.Evaluate(scenario with { Period = new Period(Day("2020-01-01"), Day("2020-01-01")) }, SampleStep.Day).Dyads.Single();

        var (reported, inferred, assumed) = series.Parts.StrengthParts(0, scenario.Model);

        Assert.Equal(100 * (1 - Math.Exp(-1.9 / 10)), reported, 12);
        Assert.Equal(0.0, inferred);
        Assert.Equal(100 * (1 - Math.Exp(-14.9 / 10)) - reported, assumed, 12);
        Assert.Equal(series.Strengths[0], reported + inferred + assumed, 12);
        Assert.Equal(assumed / series.Strengths[0], series.Parts.AssumedShare(0, scenario.Model), 12);
    }

    [Fact]
    public void The_explanation_gives_the_parts_and_they_add_up_to_R()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s, certainty: inferred }
              - { date: 2020-01-01, kind: host, between: [vn, cn], source: s, certainty: assumed }
            """);
        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn", "cn"), Day("2020-01-01"));

        Assert.Equal((0.0, 1.9, 2.8), explanation.Parts);
        Assert.Equal(explanation.Score, explanation.Parts.Reported + explanation.Parts.Inferred + explanation.Parts.Assumed);
        Assert.Equal(Certainty.Assumed, explanation.Lines.Single(l => l.EventId == "e2").Level);
    }
}
