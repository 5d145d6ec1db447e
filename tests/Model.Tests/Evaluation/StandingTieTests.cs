using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 2: agreements and twinnings hold a standing tie for their term.</summary>
public sealed class StandingTieTests
{
    private static double Impulse(double w, int days) => w * Math.Pow(2, -days / 540.0);

    [Fact]
    public void An_agreement_holds_its_standing_tie_until_term_until_exclusive()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn, la], term: { until: 2021-01-01 }, source: s }
            """);

        // 2020 is a leap year: 2020-12-31 is 365 days after 2020-01-01.
        Assert.Equal(Impulse(8.0, 365) + 5.0, R(scenario, "vn", "la", "2020-12-31"));
        Assert.Equal(Impulse(8.0, 366), R(scenario, "vn", "la", "2021-01-01"));
    }

    [Fact]
    public void A_standing_tie_starts_on_the_agreements_date()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
              - { date: 2020-03-10, kind: agreement, between: [vn, la], source: s }
            """);

        Assert.Equal(Impulse(1.9, 68), R(scenario, "vn", "la", "2020-03-09"));
        Assert.Equal(Impulse(1.9, 69) + 8.0 + 5.0, R(scenario, "vn", "la", "2020-03-10"));
    }

    [Fact]
    public void An_agreement_with_term_years_ends_that_many_calendar_years_later()
    {
        var scenario = Load("""
            events:
              - { date: 2020-03-10, kind: agreement, between: [vn, la], term: { years: 2 }, source: s }
            """);

        Assert.Equal(Impulse(8.0, 729) + 5.0, R(scenario, "vn", "la", "2022-03-09"));
        Assert.Equal(Impulse(8.0, 730), R(scenario, "vn", "la", "2022-03-10"));
    }

    [Fact]
    public void An_agreement_without_a_term_ends_after_three_years()
    {
        var scenario = Load("""
            events:
              - { date: 2020-03-10, kind: agreement, between: [vn, la], source: s }
            """, to: "2023-12-31");

        Assert.Equal(Impulse(8.0, 1094) + 5.0, R(scenario, "vn", "la", "2023-03-09"));
        Assert.Equal(Impulse(8.0, 1095), R(scenario, "vn", "la", "2023-03-10"));
    }

    [Fact]
    public void The_default_term_follows_agreementTermYears()
    {
        var scenario = Load("""
            model: { agreementTermYears: 1 }
            events:
              - { date: 2020-03-10, kind: agreement, between: [vn, la], source: s }
            """);

        Assert.Equal(Impulse(8.0, 364) + 5.0, R(scenario, "vn", "la", "2021-03-09"));
        Assert.Equal(Impulse(8.0, 365), R(scenario, "vn", "la", "2021-03-10"));
    }

    [Fact]
    public void An_agreement_signed_on_29_February_ends_on_28_February()
    {
        var scenario = Load("""
            events:
              - { date: 2024-02-29, kind: agreement, between: [vn, la], source: s }
            """, from: "2024-01-01", to: "2027-12-31");

        Assert.Equal(Impulse(8.0, 1094) + 5.0, R(scenario, "vn", "la", "2027-02-27"));
        Assert.Equal(Impulse(8.0, 1095), R(scenario, "vn", "la", "2027-02-28"));
    }

    [Fact]
    public void The_agreement_standing_value_can_be_overridden()
    {
        var scenario = Load("""
            model: { agreementStanding: 6.5 }
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn, la], source: s }
            """);

        Assert.Equal(8.0 + 6.5, R(scenario, "vn", "la", "2020-01-01"));
    }

    [Fact]
    public void A_weight_override_changes_an_agreements_impulse_but_not_its_standing_tie()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: agreement, weight: 2.0, between: [vn, la], source: s }
            """);

        Assert.Equal(2.0 + 5.0, R(scenario, "vn", "la", "2020-01-01"));
    }

    [Fact]
    public void A_standing_tie_neither_decays_nor_speeds_up_in_an_interruption()
    {
        // 2020-01-01 to 2020-06-01 is 152 days, of which February to May (29 + 31 + 30 + 31 = 121) are interrupted.
        var scenario = Load("""
            interruptions:
              - { id: closure, from: 2020-02-01, to: 2020-12-31, scope: all }
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn, la], source: s }
            """);

        Assert.Equal(8.0 * Math.Pow(2, -(152.0 + 121) / 540) + 5.0, R(scenario, "vn", "la", "2020-06-01"));
    }

    [Fact]
    public void A_twinning_without_a_term_holds_its_standing_tie_for_ever()
    {
        var scenario = Load("""
            events:
              - { date: 2013-01-01, kind: twinning, between: [vn, la], source: s }
            """, from: "2013-01-01", to: "2026-12-31");

        Assert.Equal(8.0 + 3.0, R(scenario, "vn", "la", "2013-01-01"));
        Assert.Equal(Impulse(8.0, 5112) + 3.0, R(scenario, "vn", "la", "2026-12-31"));
        Assert.Equal(Impulse(8.0, 36524) + 3.0, R(scenario, "vn", "la", "2113-01-01"));
    }

    [Fact]
    public void A_twinning_with_a_term_ends_like_an_agreement()
    {
        var scenario = Load("""
            model: { twinningStanding: 4.0 }
            events:
              - { date: 2020-03-10, kind: twinning, between: [vn, la], term: { years: 2 }, source: s }
            """);

        Assert.Equal(Impulse(8.0, 729) + 4.0, R(scenario, "vn", "la", "2022-03-09"));
        Assert.Equal(Impulse(8.0, 730), R(scenario, "vn", "la", "2022-03-10"));
    }

    [Fact]
    public void Other_kinds_hold_no_standing_tie()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: material, between: [vn, la], source: s }
            """);

        Assert.Equal(Impulse(6.4, 365), R(scenario, "vn", "la", "2020-12-31"));
    }
}
