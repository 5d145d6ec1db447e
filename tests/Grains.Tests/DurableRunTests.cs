using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;
using Relations.Hosting;

namespace Relations.Grains.Tests;

/// <summary>
/// A run on a three-silo cluster whose grain state lives in a real Azurite: killing a silo part-way loses the
/// grains it held, and the run resumes from its last checkpoint and ends with the series of an uninterrupted run.
/// </summary>
public sealed class DurableRunTests : IAsyncLifetime
{
    private const string ConnectionKey = "RelationsTests:AzuriteConnectionString";

    private LocalAzurite azurite = null!;
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
        var builder = new TestClusterBuilder(initialSilosCount: 3);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [ConnectionKey] = azurite.ConnectionString }));
        builder.AddSiloBuilderConfigurator<AzureSilo>();
        builder.AddClientBuilderConfigurator<ClusterFixture.ModelSerialization>();
        cluster = builder.Build();
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
        var scenario = SyntheticScenario.Generate(events: 100_000, dyads: 1_000, seed: 11);
        var request = new RunRequest(scenario, SampleStep.Month, null)
        {
            Source = ScenarioSource.FromSynthetic(100_000, 1_000, 11),
            CheckpointEverySlices = 2,
        };
        var runId = $"killed-{Guid.NewGuid():N}";
        var simulation = cluster.Client.GetGrain<ISimulationGrain>(runId);

        var status = await simulation.Start(request.ForWire());
        while (status.State == RunState.Running && status.SlicesDone < 3)
            status = await simulation.WaitForCompletion(TimeSpan.FromMilliseconds(20));
        Assert.Equal(RunState.Running, status.State);
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        var result = await ActorReplay.RunAsync(cluster.Client, runId, request, null, CancellationToken.None);

        var finalStatus = await simulation.GetStatus();
        Assert.Equal(RunState.Completed, finalStatus.State);
        Assert.True(finalStatus.Resumes >= 1, "the run went back to a checkpoint at least once");
        var reference = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
        Assert.Equal(reference.Dyads.Select(d => d.Dyad), result.Dyads.Select(d => d.Dyad));
        for (var d = 0; d < reference.Dyads.Count; d++)
        {
            for (var i = 0; i < reference.Dates.Count; i++)
                Assert.True(Math.Abs(reference.Dyads[d].Scores[i] - result.Dyads[d].Scores[i]) <= 1e-9,
                    $"{reference.Dyads[d].Dyad} on {reference.Dates[i]}: {reference.Dyads[d].Scores[i]:R} vs {result.Dyads[d].Scores[i]:R}");
        }
    }

    private sealed class AzureSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddRelationsGrains(new RelationsStorage(RelationsStorage.Azure, siloBuilder.Configuration[ConnectionKey]));
    }
}
