using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 3: which dyads an interruption applies to, and what it cancels.</summary>
public sealed class InterruptionTests
{
    private const string Closure2020 = """
        interruptions:
          - { id: closure, from: 2020-03-01, to: 2020-12-31, scope: all }
        """;

    [Fact]
    public void An_in_person_event_inside_an_interruption_adds_no_impulse()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-06-01, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "la", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "vn", "la", "2021-06-01"));
    }

    [Fact]
    public void An_in_person_agreement_inside_an_interruption_holds_no_standing_tie()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-06-01, kind: agreement, between: [vn, la], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "la", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "vn", "la", "2021-06-01"));
    }

    [Fact]
    public void A_cancelled_event_does_not_spill()
    {
        var scenario = Load(Closure2020 + """

            relationships:
              - [vn-village, cn-village]
            events:
              - { date: 2020-06-01, kind: visit, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "cn", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "vn-village", "cn-village", "2020-06-01"));
    }

    [Fact]
    public void Events_on_the_first_and_last_day_of_an_interruption_are_cancelled_and_the_day_after_is_not()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-03-01, kind: visit, between: [vn, la], source: s }
              - { date: 2020-12-31, kind: visit, between: [vn, la], source: s }
              - { date: 2021-01-01, kind: host, between: [vn, la], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "la", "2020-12-31"));
        Assert.Equal(2.8, R(scenario, "vn", "la", "2021-01-01"));
    }

    [Fact]
    public void An_online_event_inside_an_interruption_counts_at_the_online_factor()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-06-01, kind: visit, mode: online, between: [vn, la], source: s }
            """);

        Assert.Equal(1.9 * 0.5, R(scenario, "vn", "la", "2020-06-01"));
        // Ten days later, all ten of them interrupted: E = 10 + (2 − 1) · 10.
        Assert.Equal(1.9 * 0.5 * Math.Pow(2, -(10.0 + 10) / 540), R(scenario, "vn", "la", "2020-06-11"));
    }

    [Fact]
    public void An_online_agreement_inside_an_interruption_holds_its_standing_tie()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-06-01, kind: agreement, mode: online, between: [vn, la], source: s }
            """);

        Assert.Equal(8.0 * 0.5 + 5.0, R(scenario, "vn", "la", "2020-06-01"));
    }

    [Fact]
    public void The_online_factor_can_be_overridden()
    {
        var scenario = Load("""
            model: { onlineFactor: 0.25 }
            events:
              - { date: 2020-06-01, kind: aid, mode: online, between: [vn, la], source: s }
            """);

        Assert.Equal(7.0 * 0.25, R(scenario, "vn", "la", "2020-06-01"));
    }

    [Fact]
    public void An_event_is_cancelled_only_on_the_dyads_the_interruption_applies_to()
    {
        var scenario = Load("""
            interruptions:
              - { id: closure, from: 2020-03-01, to: 2020-12-31, scope: { countries: [CN] } }
            events:
              - { date: 2020-06-01, kind: visit, between: [[vn], [cn, la]], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "cn", "2020-06-01"));
        Assert.Equal(1.9, R(scenario, "vn", "la", "2020-06-01"));
    }

    [Fact]
    public void A_country_scope_applies_through_a_country_inherited_from_the_parent()
    {
        // cn-county declares no country; it inherits CN from cn. vn-village inherits VN from its grandparent.
        var scenario = Load("""
            interruptions:
              - { id: china, from: 2020-03-01, to: 2020-12-31, scope: { countries: [CN] } }
              - { id: vietnam, from: 2021-03-01, to: 2021-12-31, scope: { countries: [VN] } }
            events:
              - { date: 2020-06-01, kind: visit, between: [la, cn-county], source: s }
              - { date: 2021-06-01, kind: visit, between: [la, vn-village], source: s }
              - { date: 2021-06-01, kind: consult, between: [la, cn-county], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "la", "cn-county", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "la", "vn-village", "2021-06-01"));
        Assert.Equal(1.0, R(scenario, "la", "cn-county", "2021-06-01"));
    }

    [Fact]
    public void A_country_scope_does_not_speed_the_decay_of_dyads_outside_it()
    {
        var scenario = Load("""
            interruptions:
              - { id: china, from: 2020-02-01, to: 2020-03-01, scope: { countries: [CN] } }
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -100.0 / 540), R(scenario, "vn", "la", "2020-04-10"));
        Assert.Equal(1.9 * Math.Pow(2, -(100.0 + 30) / 540), R(scenario, "vn", "cn", "2020-04-10"));
    }

    [Fact]
    public void An_actor_scope_applies_to_the_actor_itself()
    {
        var scenario = Load("""
            interruptions:
              - { id: city, from: 2020-03-01, to: 2020-12-31, scope: { actors: [vn-city] } }
            events:
              - { date: 2020-06-01, kind: visit, between: [[vn-city, vn-town], [la]], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn-city", "la", "2020-06-01"));
        Assert.Equal(1.9, R(scenario, "vn-town", "la", "2020-06-01"));
    }

    [Fact]
    public void An_actor_scope_applies_to_the_descendants_of_the_named_actor()
    {
        // cn is cn-village's grandparent.
        var scenario = Load("""
            interruptions:
              - { id: cn-wide, from: 2020-03-01, to: 2020-12-31, scope: { actors: [cn] } }
            events:
              - { date: 2020-06-01, kind: visit, between: [[cn-village], [vn, la]], source: s }
              - { date: 2020-06-01, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "cn-village", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "la", "cn-village", "2020-06-01"));
        Assert.Equal(1.9, R(scenario, "vn", "la", "2020-06-01"));
    }

    [Fact]
    public void An_actor_scope_does_not_apply_to_the_named_actors_parent()
    {
        var scenario = Load("""
            interruptions:
              - { id: county, from: 2020-03-01, to: 2020-12-31, scope: { actors: [cn-county] } }
            events:
              - { date: 2020-06-01, kind: visit, between: [cn, la], source: s }
            """);

        Assert.Equal(1.9, R(scenario, "cn", "la", "2020-06-01"));
    }

    [Fact]
    public void A_scope_of_all_applies_to_every_dyad()
    {
        var scenario = Load(Closure2020 + """

            events:
              - { date: 2020-06-01, kind: visit, between: [[vn, cn-village], [la]], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "vn", "la", "2020-06-01"));
        Assert.Equal(0.0, R(scenario, "cn-village", "la", "2020-06-01"));
    }
}
