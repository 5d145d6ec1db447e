using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Scenarios;

/// <summary>Format 1.1: a fact may cite one source or a list; actors and interruptions carry provenance too.</summary>
public sealed class SourceListTests
{
    private const string TwoSources = """
        id: t
        period: { from: 2020-01-01, to: 2020-12-31 }
        sources:
          - { id: a, title: "Article A", publisher: P }
          - { id: b, title: "Article B", publisher: P }
        actors:
          - { id: vn, kind: province, country: VN, source: [a, b], certainty: inferred, note: "from both" }
          - { id: la, kind: province, country: LA, source: a }
        interruptions:
          - { id: c, title: "Closure", from: 2020-02-01, to: 2020-02-10, scope: all, source: [b, a], certainty: assumed, note: "n", cancels: 0.25, decayMultiplier: 1.5 }
        events:
          - { id: e, date: 2020-03-01, kind: visit, between: [vn, la], source: [a, b] }
          - { id: f, date: 2020-04-01, kind: visit, between: [vn, la], source: b }
        """;

    [Fact]
    public void Sources_are_read_as_one_id_or_a_list_on_events_actors_and_interruptions()
    {
        var scenario = LoadText(TwoSources);

        Assert.Equal(["a", "b"], scenario.Events[0].Sources);
        Assert.Equal("a", scenario.Events[0].Source);
        Assert.Equal(["b"], scenario.Events[1].Sources);
        Assert.Equal(["a", "b"], scenario.ActorById("vn").Sources);
        Assert.Equal(Certainty.Inferred, scenario.ActorById("vn").Certainty);
        Assert.Equal("from both", scenario.ActorById("vn").Note);
        var closure = Assert.Single(scenario.Interruptions);
        Assert.Equal(["b", "a"], closure.Sources);
        Assert.Equal(("Closure", Certainty.Assumed, "n", 0.25, 1.5), (closure.Title, closure.Certainty, closure.Note, closure.Cancels, closure.DecayMultiplier));
    }

    [Fact]
    public void Version_1_interruptions_cancel_everything_and_take_the_model_multiplier()
    {
        var scenario = Load("""
            interruptions:
              - { id: c, from: 2020-02-01, to: 2020-02-10 }
            """);

        var closure = Assert.Single(scenario.Interruptions);
        Assert.Equal((1.0, (double?)null, (Certainty?)null), (closure.Cancels, closure.DecayMultiplier, closure.Certainty));
        Assert.Empty(closure.Sources);
    }

    [Fact]
    public void The_explanation_names_every_source_of_an_event()
    {
        var scenario = LoadText(TwoSources);

        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn", "la"), Day("2020-03-01"));

        var line = Assert.Single(explanation.Lines);
        Assert.Equal("a, b", line.SourceId);
        Assert.Equal(["a", "b"], line.SourceIds);
        Assert.Equal("Article A; Article B", line.SourceTitle);
    }

    [Fact]
    public void A_scenario_with_source_lists_survives_a_JSON_round_trip_equal()
    {
        var scenario = LoadText(TwoSources);

        var json = System.Text.Json.JsonSerializer.Serialize(scenario);
        var back = System.Text.Json.JsonSerializer.Deserialize<Scenario>(json)!;

        Assert.Equal(scenario.Events, back.Events);
        Assert.Equal(scenario.Interruptions, back.Interruptions);
        Assert.Equal(scenario.Actors, back.Actors);
        Assert.Equal(0.25, back.Interruptions[0].Cancels);
    }
}
