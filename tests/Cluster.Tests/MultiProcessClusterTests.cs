using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Relations.Grains;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// Real processes: an Azurite and three built <c>relations silo</c> processes on loopback forming one cluster
/// through the membership table, and this test as a client of it (<c>--cluster</c>). A 200,000-event synthetic
/// run survives a SIGKILLed silo — the client's calls riding over the loss of one of its gateways, or of the only
/// gateway it knew when it connected — and an unfinished run finishes by itself after the whole cluster was stopped
/// and one silo started again; both equal the reference engine.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class MultiProcessClusterTests(ReferenceFixture reference, ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string clusterId = $"test-{Guid.NewGuid():N}"[..16];
    private readonly List<ProgramProcess> silos = [];
    private LocalAzurite azurite = null!;

    public async Task InitializeAsync()
    {
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
            await silo.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_run_survives_a_SIGKILLed_silo_and_equals_the_reference_engine()
    {
        await StartSilosAsync(3);
        var runId = $"killed-{Guid.NewGuid():N}"[..20];
        await using var client = await ClientAsync();
        var progressed = new ThirdSlice();
        var replay = ActorReplay.RunAsync(client, runId, ReferenceFixture.Request, progressed, CancellationToken.None);
        await progressed.Reached;

        var management = client.Grains.GetGrain<IManagementGrain>(0);
        var holding = (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("RegionGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
            .Select(s => s.SiloAddress).Distinct().Count();
        Assert.True(holding > 1, $"the run's region grains (holding its dyads) are on {holding} silo(s)");

        var clock = Stopwatch.StartNew();
        silos[1].Kill();
        while ((await GrainCallPolicy.Shared.CallAsync(() => management.GetHosts(onlyActive: true))).Count > 2 && clock.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        log.WriteLine($"killed silo declared dead after {clock.Elapsed.TotalSeconds:0.0} s");

        var result = await replay.WaitAsync(TimeSpan.FromMinutes(2));
        log.WriteLine($"run completed {clock.Elapsed.TotalSeconds:0.0} s after the kill; resumes: {(await GrainCallPolicy.Shared.CallAsync(client.Grains.GetGrain<ISimulationGrain>(runId).GetStatus)).Resumes}");
        reference.AssertEqual(result);

        // The CLI as a client of the same cluster lists the run, tab-separated.
        var (exit, output) = await RelationsCli.RunAsync("runs", "list", "--cluster", clusterId, "--storage", "azure", "--connection-string", azurite.ConnectionString);
        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), line => line.StartsWith($"{runId}\tcompleted\t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unfinished_run_finishes_by_itself_after_a_whole_cluster_stop_and_restart()
    {
        await StartSilosAsync(3);
        var runId = $"revived-{Guid.NewGuid():N}"[..20];
        await using (var client = await ClientAsync())
        {
            var simulation = client.Grains.GetGrain<ISimulationGrain>(runId);
            var status = await simulation.Start(ReferenceFixture.Request.ForWire());
            var progressed = new ThirdSlice();
            _ = RunWatcher.WaitAsync(client.Grains, simulation, status, progressed, CancellationToken.None);
            await progressed.Reached;
        }
        await Task.WhenAll(silos.Select(s => s.StopAsync()));
        var clock = Stopwatch.StartNew();
        await StartSilosAsync(1);

        // Only the run registry is asked (never the run, which a call would activate): the reminder must wake it.
        await using var again = await ClientAsync();
        var registry = again.Grains.GetGrain<IRunRegistryGrain>("all");
        while ((await registry.Latest(0, 1000)).Runs.Single(r => r.RunId == runId).State == RunState.Running && clock.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(250);
        log.WriteLine($"run finished {clock.Elapsed.TotalSeconds:0.0} s after the restart began");

        var simulationAgain = again.Grains.GetGrain<ISimulationGrain>(runId);
        Assert.Equal(RunState.Completed, (await simulationAgain.GetStatus()).State);
        reference.AssertEqual(await ActorReplay.ResultsOf(simulationAgain, ReferenceFixture.Request));
    }

    [Fact]
    public async Task A_client_whose_only_gateway_dies_mid_wait_reconnects_through_the_silos_started_since()
    {
        // When the client connects, the cluster is one silo: its gateway is the only one the client knows.
        await StartSilosAsync(1);
        var runId = $"gateway-{Guid.NewGuid():N}"[..20];
        await using var client = await ClientAsync();
        var progressed = new ThirdSlice();
        var replay = ActorReplay.RunAsync(client, runId, ReferenceFixture.Request, progressed, CancellationToken.None);
        // Two more silos join while the run goes on (its grains were placed on the first when it started); then the
        // first — the client's gateway, and the silo of every grain of the run — dies.
        await Task.WhenAll(StartSilosAsync(2), progressed.Reached);
        var before = await client.Grains.GetGrain<ISimulationGrain>(runId).GetStatus();
        Assert.True(before.State == RunState.Running, $"the run ended before its gateway could be killed ({before.State})");
        log.WriteLine($"gateway killed at slice {before.SlicesDone} of {before.SlicesTotal}");
        var clock = Stopwatch.StartNew();
        silos[0].Kill();
        var result = await replay.WaitAsync(TimeSpan.FromMinutes(3));
        log.WriteLine($"the client's wait ended {clock.Elapsed.TotalSeconds:0.0} s after its gateway was killed");
        reference.AssertEqual(result);
    }

    private async Task StartSilosAsync(int count)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId)));
        silos.AddRange(started);
    }

    private Task<RelationsCluster> ClientAsync() =>
        RelationsCluster.ConnectAsync(new ClusterTarget(null, clusterId, azurite.ConnectionString), CancellationToken.None);
}
