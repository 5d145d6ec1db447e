using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Model 1.1, rule 3 and E: partial interruptions and per-interruption decay, on hand-computed cases.</summary>
public sealed class PartialInterruptionTests
{
    private const string Restriction = """
        interruptions:
          - { id: restriction, from: 2020-02-01, to: 2020-03-31, scope: all, cancels: 0.6 }
        relationships:
          - [vn-village, cn-village]
        """;

    [Fact]
    public void A_0_6_cancellation_scales_impulse_spills_and_standing_tie_by_0_4()
    {
        var scenario = Load(Restriction + """

            events:
              - { date: 2020-03-01, kind: agreement, between: [vn-city, cn-county], source: s, term: { years: 3 } }
            """);

        // Impulse 8 × 0.4 and standing tie 5 × 0.4 on the event's dyad; σ↓ 0.25 × 3.2 below; σ↑ 0.10 × 3.2 above.
        Assert.Equal(3.2 + 2.0, R(scenario, "cn-county", "vn-city", "2020-03-01"), 12);
        Assert.Equal(0.8, R(scenario, "cn-village", "vn-village", "2020-03-01"), 12);
        Assert.Equal(0.32, R(scenario, "cn", "vn", "2020-03-01"), 12);
        // A month on: 31 days, all interrupted at m = 2, so E = 62; the tie still stands at 2.0.
        Assert.Equal(3.2 * Math.Pow(2, -62.0 / 540) + 2.0, R(scenario, "cn-county", "vn-city", "2020-04-01"), 12);
        // The tie ends after its 3 years.
        Assert.Equal(3.2 * Math.Pow(2, -(1095.0 + 31) / 540), R(scenario, "cn-county", "vn-city", "2023-03-01"), 12);
    }

    [Fact]
    public void An_online_event_inside_a_partial_interruption_is_not_scaled()
    {
        var scenario = Load(Restriction + """

            events:
              - { date: 2020-03-01, kind: visit, mode: online, between: [vn, la], source: s }
            """);

        Assert.Equal(0.95, R(scenario, "la", "vn", "2020-03-01"), 15);
    }

    [Fact]
    public void Two_overlapping_interruptions_decay_at_the_larger_multiplier_and_cancel_at_the_larger_share()
    {
        var scenario = Load("""
            interruptions:
              - { id: a, from: 2020-01-01, to: 2020-01-31, scope: all, cancels: 0.3, decayMultiplier: 2 }
              - { id: b, from: 2020-01-21, to: 2020-02-09, scope: { countries: [LA] }, cancels: 0.5, decayMultiplier: 3 }
            events:
              - { id: early, date: 2020-01-10, kind: visit, between: [vn, la], source: s }
              - { id: both, date: 2020-01-25, kind: visit, between: [vn, la], source: s }
            """);

        // early: factor 0.7 (only a); 51 days to 1 March (2020 is a leap year), 11 of them under a alone (m 2) and 20
        // under b (m 3, the larger where both apply): E = 51 + 11 + 40 = 102. both: factor 0.5 (the larger share); 36 days, 16 under b: E = 68.
        var expected = 1.9 * 0.7 * Math.Pow(2, -102.0 / 540) + 1.9 * 0.5 * Math.Pow(2, -68.0 / 540);
        Assert.Equal(expected, R(scenario, "la", "vn", "2020-03-01"), 12);
    }

    [Fact]
    public void A_day_covered_by_two_interruptions_counts_once()
    {
        var calendar = new InterruptionCalendar(
        [
            new CalendarSpan(Day("2020-01-01"), Day("2020-01-31"), 2.0, 1.0),
            new CalendarSpan(Day("2020-01-21"), Day("2020-02-09"), 3.0, 0.5),
            new CalendarSpan(Day("2020-01-05"), Day("2020-01-06"), 1.5, 0.2),
        ]);

        Assert.Equal(40, calendar.InterruptedDays(Day("2019-12-01"), Day("2020-03-01")));
        Assert.Equal(20 * 1.0 + 20 * 2.0, calendar.ExtraDays(Day("2019-12-01"), Day("2020-03-01")));
        Assert.Equal(91 + 60.0, calendar.EffectiveDays(Day("2019-12-01"), Day("2020-03-01")));
        Assert.Equal(1.0, calendar.CancelShare(Day("2020-01-05")));
        Assert.Equal(1.0, calendar.CancelShare(Day("2020-01-25")));
        Assert.Equal(0.5, calendar.CancelShare(Day("2020-02-01")));
        Assert.Equal(0.0, calendar.CancelShare(Day("2020-02-10")));
        Assert.Equal(0.0, StrengthModel.Apply(1.9, inPerson: true, calendar.CancelShare(Day("2020-01-25")), ModelParameters.Default).Factor);
        Assert.Equal(0.5, StrengthModel.Apply(1.9, inPerson: true, calendar.CancelShare(Day("2020-02-05")), ModelParameters.Default).Factor);
        Assert.Equal(1.0, StrengthModel.Apply(1.9, inPerson: false, calendar.CancelShare(Day("2020-01-25")), ModelParameters.Default).Factor);
    }

    [Fact]
    public void An_interruption_without_a_multiplier_takes_the_model_m()
    {
        var scenario = Load("""
            model: { interruptionDecayMultiplier: 4 }
            interruptions:
              - { id: a, from: 2020-02-01, to: 2020-02-10, scope: all, cancels: 0 }
              - { id: b, from: 2020-03-01, to: 2020-03-10, scope: all, cancels: 0, decayMultiplier: 1 }
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
            """);

        // 91 days to 1 April; 10 days at m = 4 (a), 10 at 1 (b adds nothing): E = 91 + 30.
        Assert.Equal(1.9 * Math.Pow(2, -121.0 / 540), R(scenario, "la", "vn", "2020-04-01"), 12);
    }

    [Fact]
    public void Cancels_1_and_the_model_multiplier_written_out_give_version_1_numbers_bit_for_bit()
    {
        const string Events = """

            events:
              - { date: 2020-01-15, kind: visit, between: [vn-city, cn-county], source: s }
              - { date: 2020-05-01, kind: agreement, between: [vn-city, cn-county], source: s }
              - { date: { from: 2020-01-01, to: 2021-12-31 }, count: 5, kind: cooperate, between: [vn, la], source: s }
            """;
        var v1 = Load("""
            model: { interruptionDecayMultiplier: 2.5 }
            interruptions:
              - { id: c, from: 2020-03-01, to: 2021-06-30, scope: all }
            """ + Events);
        var written = Load("""
            model: { interruptionDecayMultiplier: 2.5 }
            interruptions:
              - { id: c, from: 2020-03-01, to: 2021-06-30, scope: all, cancels: 1, decayMultiplier: 2.5, certainty: reported, source: [s] }
            """ + Events);

        var expected = ReferenceEvaluator.Evaluate(v1, SampleStep.Week);
        var actual = ReferenceEvaluator.Evaluate(written, SampleStep.Week);
        Assert.Equal(expected.Dyads.Select(d => d.Dyad), actual.Dyads.Select(d => d.Dyad));
        for (var d = 0; d < expected.Dyads.Count; d++)
            Assert.Equal(expected.Dyads[d].Scores, actual.Dyads[d].Scores);
    }

    [Fact]
    public void The_explanation_shows_a_partly_cancelled_event_with_its_factor()
    {
        var scenario = Load(Restriction + """

            events:
              - { id: meet, date: 2020-03-01, kind: visit, between: [vn-city, cn-county], source: s }
              - { id: later, date: 2020-05-01, kind: visit, between: [vn-city, cn-county], source: s }
            """);

        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn-city", "cn-county"), Day("2020-05-01"));

        var meet = Assert.Single(explanation.Lines, l => l.EventId == "meet");
        Assert.Equal(0.4, meet.Factor, 15);
        Assert.True(meet.IsPartlyCancelled);
        Assert.False(Assert.Single(explanation.Lines, l => l.EventId == "later").IsPartlyCancelled);
        Assert.Equal(explanation.Score, explanation.Lines.Sum(l => l.Value), 12);
    }
}
