using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 4: impulses spill down to child dyads of the set and up to the parent dyad, once.</summary>
public sealed class SpillTests
{
    [Fact]
    public void An_impulse_spills_down_a_quarter_to_every_child_dyad_in_the_set()
    {
        var scenario = Load("""
            relationships:
              - [vn-city, cn-county]
              - [vn-town, cn-county]
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
            """);

        Assert.Equal(0.25 * 1.9, R(scenario, "vn-city", "cn-county", "2020-01-01"));
        Assert.Equal(0.25 * 1.9, R(scenario, "vn-town", "cn-county", "2020-01-01"));
    }

    [Fact]
    public void An_impulse_spills_up_a_tenth_to_the_parent_dyad()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.1 * 1.9, R(scenario, "vn", "cn", "2020-01-01"));
        Assert.Equal(0.1 * 1.9 * Math.Pow(2, -100.0 / 540), R(scenario, "vn", "cn", "2020-04-10"));
    }

    [Fact]
    public void A_spill_does_not_reach_a_dyad_outside_the_set()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
            """);

        Assert.False(HasDyad(scenario, "vn-city", "cn-county"));
    }

    [Fact]
    public void A_downward_spill_does_not_spill_again_to_grandchild_dyads()
    {
        var scenario = Load("""
            relationships:
              - [vn-city, cn-county]
              - [vn-village, cn-village]
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, cn], source: s }
            """);

        Assert.Equal(0.25 * 1.9, R(scenario, "vn-city", "cn-county", "2020-01-01"));
        Assert.Equal(0.0, R(scenario, "vn-village", "cn-village", "2020-01-01"));
    }

    [Fact]
    public void An_upward_spill_does_not_spill_again_up_or_down()
    {
        // An impulse on the villages spills up to the city–county dyad only: not on to vn–cn, and not from
        // there down to its other child vn-town–cn-county.
        var scenario = Load("""
            relationships:
              - [vn, cn]
              - [vn-town, cn-county]
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-village, cn-village], source: s }
            """);

        Assert.Equal(0.1 * 1.9, R(scenario, "vn-city", "cn-county", "2020-01-01"));
        Assert.Equal(0.0, R(scenario, "vn", "cn", "2020-01-01"));
        Assert.Equal(0.0, R(scenario, "vn-town", "cn-county", "2020-01-01"));
    }

    [Fact]
    public void A_spill_up_is_not_spilled_down_to_the_parents_other_children()
    {
        var scenario = Load("""
            relationships:
              - [vn-town, cn-county]
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.1 * 1.9, R(scenario, "vn", "cn", "2020-01-01"));
        Assert.Equal(0.0, R(scenario, "vn-town", "cn-county", "2020-01-01"));
    }

    [Fact]
    public void Standing_ties_do_not_spill()
    {
        // 2020-01-01 to 2020-06-01 is 152 days.
        var scenario = Load("""
            relationships:
              - [vn-village, cn-village]
            events:
              - { date: 2020-01-01, kind: agreement, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.1 * 8.0 * Math.Pow(2, -152.0 / 540), R(scenario, "vn", "cn", "2020-06-01"));
        Assert.Equal(0.25 * 8.0 * Math.Pow(2, -152.0 / 540), R(scenario, "vn-village", "cn-village", "2020-06-01"));
    }

    [Fact]
    public void A_spill_carries_the_online_scaled_impulse()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: visit, mode: online, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.1 * (1.9 * 0.5), R(scenario, "vn", "cn", "2020-01-01"));
    }

    [Fact]
    public void Spill_fractions_can_be_overridden()
    {
        var scenario = Load("""
            model: { spillUp: 0.3, spillDown: 0.5 }
            relationships:
              - [vn-village, cn-village]
            events:
              - { date: 2020-01-01, kind: aid, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.3 * 7.0, R(scenario, "vn", "cn", "2020-01-01"));
        Assert.Equal(0.5 * 7.0, R(scenario, "vn-village", "cn-village", "2020-01-01"));
    }

    [Fact]
    public void A_spilled_impulse_decays_by_the_receiving_dyads_interruptions()
    {
        // The interruption applies to vn-city's dyads, not to vn–cn: only the event dyad decays faster.
        var scenario = Load("""
            interruptions:
              - { id: city, from: 2020-02-01, to: 2020-03-01, scope: { actors: [vn-city] } }
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(1.9 * Math.Pow(2, -(100.0 + 30) / 540), R(scenario, "vn-city", "cn-county", "2020-04-10"));
        Assert.Equal(0.1 * 1.9 * Math.Pow(2, -100.0 / 540), R(scenario, "vn", "cn", "2020-04-10"));
    }

    [Fact]
    public void A_negative_impulse_spills_negatively()
    {
        var scenario = Load("""
            events:
              - { date: 2020-01-01, kind: reduce, between: [vn-city, cn-county], source: s }
            """);

        Assert.Equal(0.1 * -4.0, R(scenario, "vn", "cn", "2020-01-01"));
    }
}
