using System.Diagnostics;
using Relations.Hosting;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// Five built <c>relations silo</c> processes started in the same moment on one machine, none given ports — so all
/// five want the default ones — form one cluster of five: each takes its own ports, none is declared dead or exits,
/// none prints a stack trace, and a client lists five active silos. Ten times in a row.
/// </summary>
// With the other cluster tests, one at a time: each starts processes that need the machine's cores.
[Collection(ReferenceCollection.Name)]
public sealed class SilosStartedTogetherTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Silos = 5;
    private const int Rounds = 10;

    private LocalAzurite azurite = null!;

    public async Task InitializeAsync() => azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task Five_silos_started_at_once_form_one_cluster_of_five_ten_times_in_a_row()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var clusterId = $"together-{round}-{Guid.NewGuid():N}"[..24];
            var clock = Stopwatch.StartNew();
            var silos = new List<ProgramProcess>();
            try
            {
                // Every process is started before any is waited for: the five start within milliseconds of each other.
                var starting = Enumerable.Range(0, Silos).Select(_ => ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId)).ToList();
                try
                {
                    await Task.WhenAll(starting);
                }
                finally
                {
                    silos.AddRange(starting.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
                }
                var started = clock.Elapsed;

                await using var client = await RelationsCluster.ConnectAsync(new ClusterTarget(null, clusterId, azurite.ConnectionString), CancellationToken.None);
                // Read from the membership table itself, not from one silo's view of it.
                var active = await client.Grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
                log.WriteLine($"round {round}: five silos ready after {started.TotalSeconds:0.0} s, {active.Length} active in the table after {clock.Elapsed.TotalSeconds:0.0} s");

                Assert.Equal(Silos, active.Length);
                Assert.Equal(Silos, active.Select(s => s.SiloAddress.Endpoint).Distinct().Count());
                Assert.Equal(Silos, silos.Select(s => s.GatewayPort).Distinct().Count());
                foreach (var silo in silos)
                {
                    Assert.False(silo.HasExited, $"a silo exited; it said:\n{silo.Output()}");
                    Assert.DoesNotContain("   at ", silo.Output());
                }
            }
            finally
            {
                foreach (var silo in silos)
                    await silo.DisposeAsync();
            }
        }
    }
}
