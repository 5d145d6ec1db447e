using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>
/// Model 1.1 through grains: a scenario with partial and overlapping interruptions, their own decay multipliers and
/// facts of every certainty replays, at every lowest certainty, equal to the reference evaluator to 1e-9.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ModelOneOneReplayTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(Certainty.Reported)]
    [InlineData(Certainty.Inferred)]
    [InlineData(Certainty.Assumed)]
    public async Task A_1_1_scenario_replays_through_grains_equal_to_the_reference_at_every_certainty(Certainty level)
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "model-1.1.yaml")).KeepingCertainty(level);

        var actors = await ActorReplay.RunAsync(fixture.Cluster.GrainFactory, $"v11-{level}-{Guid.NewGuid():N}", scenario, SampleStep.Week, null, null, CancellationToken.None);

        ReferenceSeries.AssertEqual(scenario, SampleStep.Week, actors);
        Assert.Equal(level, actors.Scenario.KeptCertainty);
    }

    [Fact]
    public void A_run_stored_with_its_source_reloads_filtered_at_its_certainty()
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "model-1.1.yaml");
        var loader = new ScenarioLoader();
        var reported = loader.Load(path).KeepingCertainty(Certainty.Reported);
        var request = new RunRequest(reported, SampleStep.Month, null) { Source = ScenarioSource.FromFiles(path, loader) };

        var reloaded = RunRequestState.Of(request).ToRequest()!;

        Assert.Equal(Certainty.Reported, reloaded.Scenario.KeptCertainty);
        Assert.Equal(reported.Events, reloaded.Scenario.Events);
        Assert.Equal(reported.Interruptions, reloaded.Scenario.Interruptions);
    }
}
