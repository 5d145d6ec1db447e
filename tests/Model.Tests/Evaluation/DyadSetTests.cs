using Relations.Model.Evaluation;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 4: which dyads a scenario tracks.</summary>
public sealed class DyadSetTests
{
    private static Dyad[] DyadsOf(string sections) =>
        [.. ReferenceEvaluator.Evaluate(Load(sections)).Dyads.Select(d => d.Dyad)];

    [Fact]
    public void A_dyad_is_stored_with_its_actors_in_ordinal_order()
    {
        var dyad = new Dyad("vn", "cn");

        Assert.Equal(("cn", "vn"), (dyad.A, dyad.B));
        Assert.Equal(new Dyad("cn", "vn"), dyad);
        Assert.Equal(("p0", "p_q"), (new Dyad("p_q", "p0").A, new Dyad("p_q", "p0").B));
    }

    [Fact]
    public void The_set_holds_declared_relationships_even_without_events()
    {
        var series = ReferenceEvaluator.Evaluate(Load("""
            relationships:
              - [la, vn]
            """));

        var only = Assert.Single(series.Dyads);
        Assert.Equal(new Dyad("la", "vn"), only.Dyad);
        Assert.All(only.Scores, score => Assert.Equal(0.0, score));
        Assert.All(only.Strengths, strength => Assert.Equal(0.0, strength));
    }

    [Fact]
    public void The_set_holds_every_dyad_of_an_event_and_their_parent_dyads()
    {
        var dyads = DyadsOf("""
            events:
              - { date: 2020-01-01, kind: visit, between: [[vn-city, vn-town], [cn-county]], source: s }
            """);

        Assert.Equal([new Dyad("cn", "vn"), new Dyad("cn-county", "vn-city"), new Dyad("cn-county", "vn-town")], dyads);
    }

    [Fact]
    public void An_event_dyad_with_a_parentless_actor_adds_no_parent_dyad()
    {
        var dyads = DyadsOf("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, la], source: s }
            """);

        Assert.Equal([new Dyad("la", "vn-city")], dyads);
    }

    [Fact]
    public void An_event_dyad_whose_actors_share_a_parent_adds_no_parent_dyad()
    {
        var dyads = DyadsOf("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn-city, vn-town], source: s }
            """);

        Assert.Equal([new Dyad("vn-city", "vn-town")], dyads);
    }

    [Fact]
    public void A_declared_relationship_adds_no_parent_dyad()
    {
        var dyads = DyadsOf("""
            relationships:
              - [vn-city, cn-county]
            """);

        Assert.Equal([new Dyad("cn-county", "vn-city")], dyads);
    }

    [Fact]
    public void A_cancelled_events_dyads_stay_in_the_set()
    {
        var dyads = DyadsOf("""
            interruptions:
              - { id: closure, from: 2020-01-01, to: 2020-12-31, scope: all }
            events:
              - { date: 2020-06-01, kind: visit, between: [vn-village, cn-village], source: s }
            """);

        Assert.Equal([new Dyad("cn-county", "vn-city"), new Dyad("cn-village", "vn-village")], dyads);
    }
}
