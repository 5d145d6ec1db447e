using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Model 1.1, rule 8: a replay with a lowest certainty drops what is less certain before anything else.</summary>
public sealed class CertaintyFilterTests
{
    private const string Mixed = """
        interruptions:
          - { id: guessed-closure, from: 2020-05-01, to: 2020-07-31, scope: all, certainty: inferred }
        events:
          - { id: seen, date: 2020-06-01, kind: visit, mode: online, between: [vn-city, cn-county], source: s }
          - { id: guessed, date: 2020-06-01, kind: agreement, mode: online, between: [vn-village, cn-village], source: s, certainty: assumed }
          - { id: meeting, date: 2020-06-15, kind: host, between: [vn, la], source: s, certainty: inferred }
        """;

    [Fact]
    public void A_reported_only_replay_drops_an_assumed_event_with_its_spills_ties_and_dyad()
    {
        var all = Load(Mixed);
        var reported = all.KeepingCertainty(Certainty.Reported);

        // With everything: the village agreement (online: 8 × 0.5) spills σ↑ 0.10 × 4 up to the city pair.
        Assert.Equal(0.95 + 0.4, R(all, "cn-county", "vn-city", "2020-06-01"), 12);
        Assert.Equal(4.0 + 5.0 + 0.25 * 0.95, R(all, "cn-village", "vn-village", "2020-06-01"), 12);
        // Reported only: no spill, no tie, and the village dyad is not in the dyad set at all.
        Assert.Equal(0.95, R(reported, "cn-county", "vn-city", "2020-06-01"), 12);
        Assert.False(HasDyad(reported, "cn-village", "vn-village"));
        Assert.False(HasDyad(reported, "la", "vn"));
    }

    [Fact]
    public void The_level_keeps_what_is_at_least_as_certain_and_interruptions_follow_it_too()
    {
        var all = Load(Mixed);
        var inferred = all.KeepingCertainty(Certainty.Inferred);

        Assert.Equal(["seen", "meeting"], inferred.Events.Select(e => e.Id));
        Assert.Equal(["guessed-closure"], inferred.Interruptions.Select(i => i.Id));
        // The inferred closure is kept, so the in-person hosting inside it is cancelled.
        Assert.Equal(0.0, R(inferred, "la", "vn", "2020-06-15"));
        // Reported only drops the closure as well; the hosting, inferred, goes with it.
        var reported = all.KeepingCertainty(Certainty.Reported);
        Assert.Empty(reported.Interruptions);
        Assert.Equal(Certainty.Reported, reported.KeptCertainty);
    }

    [Fact]
    public void A_reported_only_replay_keeps_declared_relationships_and_drops_an_inferred_interruption()
    {
        var scenario = Load("""
            relationships:
              - [vn, la]
            interruptions:
              - { id: closure, from: 2020-05-01, to: 2020-07-31, scope: all, certainty: inferred }
            events:
              - { date: 2020-06-01, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(0.0, R(scenario, "la", "vn", "2020-06-01"));
        Assert.Equal(1.9, R(scenario.KeepingCertainty(Certainty.Reported), "la", "vn", "2020-06-01"), 15);
        Assert.True(HasDyad(scenario.KeepingCertainty(Certainty.Reported), "la", "vn"));
    }

    [Fact]
    public void Keeping_everything_answers_the_scenario_itself()
    {
        var scenario = Load(Mixed);

        Assert.Same(scenario, scenario.KeepingCertainty(Certainty.Assumed));
        var reported = scenario.KeepingCertainty(Certainty.Reported);
        Assert.Same(reported, reported.KeepingCertainty(Certainty.Assumed));
    }
}
