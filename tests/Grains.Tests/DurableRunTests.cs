using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;

namespace Relations.Grains.Tests;

/// <summary>
/// A run on a three-silo cluster whose grain state lives in a real Azurite: killing a silo part-way loses the
/// grains it held, and the run resumes from its last checkpoint and ends with the series of an uninterrupted run.
/// </summary>
public sealed class DurableRunTests : IAsyncLifetime
{
    private LocalAzurite azurite = null!;
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
        cluster = DurableRuns.ClusterOn(azurite.ConnectionString, silos: 3).Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_run_whose_silo_is_killed_part_way_resumes_and_ends_with_the_uninterrupted_series()
    {
        var request = DurableRuns.SyntheticRequest(events: 100_000, dyads: 1_000, seed: 11, checkpointEverySlices: 2);
        var runId = $"killed-{Guid.NewGuid():N}";
        var simulation = cluster.Client.GetGrain<ISimulationGrain>(runId);

        await DurableRuns.StartPartWayAsync(simulation, request);
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        var result = await ActorReplay.RunAsync(cluster.Client, runId, request, null, CancellationToken.None);

        var finalStatus = await simulation.GetStatus();
        Assert.Equal(RunState.Completed, finalStatus.State);
        Assert.True(finalStatus.Resumes >= 1, "the run went back to a checkpoint at least once");
        ReferenceSeries.AssertEqual(request.Scenario, request.Step, result);
    }
}
