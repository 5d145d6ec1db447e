using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;

namespace Relations.Grains.Tests;

/// <summary>
/// What the tests of runs on a real Azurite share: a test cluster keeping grain state there, and a synthetic run
/// started and caught part-way.
/// </summary>
internal static class DurableRuns
{
    private const string ConnectionKey = "RelationsTests:AzuriteConnectionString";

    /// <summary>A test cluster of <paramref name="silos"/> silos whose grain state and reminders live in <paramref name="connectionString"/> (membership stays the test's own, in memory).</summary>
    public static TestClusterBuilder ClusterOn(string connectionString, short silos)
    {
        var builder = new TestClusterBuilder(initialSilosCount: silos);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [ConnectionKey] = connectionString }));
        builder.AddSiloBuilderConfigurator<AzureSilo>();
        builder.AddClientBuilderConfigurator<ClusterFixture.ModelSerialization>();
        return builder;
    }

    /// <summary>A run of the synthetic scenario (events, dyads, seed), sampled monthly, sent as its source, checkpointed every few slices.</summary>
    public static RunRequest SyntheticRequest(int events, int dyads, int seed, int checkpointEverySlices) =>
        new(SyntheticScenario.Generate(events, dyads, seed), SampleStep.Month, null)
        {
            Source = ScenarioSource.FromSynthetic(events, dyads, seed),
            CheckpointEverySlices = checkpointEverySlices,
        };

    /// <summary>Starts the run and waits until it has done three slices; it must still be running then.</summary>
    public static async Task<RunStatus> StartPartWayAsync(ISimulationGrain simulation, RunRequest request)
    {
        var status = await simulation.Start(request.ForWire());
        while (status.State == RunState.Running && status.SlicesDone < 3)
            status = await simulation.WaitForCompletion(TimeSpan.FromMilliseconds(20));
        Assert.Equal(RunState.Running, status.State);
        return status;
    }

    private sealed class AzureSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddRelationsGrains(new RelationsStorage(RelationsStorage.Azure, siloBuilder.Configuration[ConnectionKey]));
    }
}
