using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Relations.Hosting;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// What an operator reads from <c>relations silo --http-port P</c>: /metrics shows the project's meters moving while a
/// run replays through the silo; /health/ready is 503 while the storage is stopped and 200 again once it answers
/// (the storage outage, seen from outside); /health/live is 200 throughout.
/// </summary>
// With the other cluster tests, one at a time: each starts processes that need the machine's cores.
[Collection(ReferenceCollection.Name)]
public sealed partial class SiloOperatorEndpointsTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("relations-operators-").FullName;
    private readonly string clusterId = $"ops-{Guid.NewGuid():N}"[..16];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalAzurite azurite = null!;
    private ProgramProcess? silo;

    public async Task InitializeAsync() => azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), data);

    public async Task DisposeAsync()
    {
        http.Dispose();
        if (silo is not null)
            await silo.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Metrics_move_during_a_replay_and_readiness_follows_the_storage()
    {
        var port = ClusterAddress.FreeLoopbackPort();
        silo = await ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId, "--http-port", $"{port}");
        http.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);

        // The cluster tests' run (checkpointed every slice, so slices take a while) through the silo, as a client of its
        // cluster: the slice counter moves while it runs.
        await using (var client = await RelationsCluster.ConnectAsync(new ClusterTarget(null, clusterId, azurite.ConnectionString), CancellationToken.None))
        {
            var part = new ThirdSlice();
            var replay = ActorReplay.RunAsync(client, $"metrics-{Guid.NewGuid():N}", ReferenceFixture.Request, part, CancellationToken.None);
            await part.Reached;
            var during = await MetricsAsync();
            await replay;
            var after = await MetricsAsync();
            log.WriteLine($"relations_slices_total: {during.Slices} part-way, {after.Slices} at the end");
            Assert.True(during.Slices >= 3, $"relations_slices_total was {during.Slices} part-way through the run");
            Assert.True(after.Slices > during.Slices, $"relations_slices_total did not move: {during.Slices} then {after.Slices}");
            Assert.Equal(1, after.RunsStarted);
            Assert.Equal(1, after.RunsCompleted);
        }

        // Stopped as Ctrl+C stops it, so that it keeps its data; the silo stays up and says it is not ready.
        var azuritePort = azurite.Port;
        await azurite.InterruptAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessBecomesAsync(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), data, azuritePort);
        Assert.Equal(HttpStatusCode.OK, await ReadinessBecomesAsync(HttpStatusCode.OK));
        Assert.False(silo.HasExited, silo.Output());
    }

    /// <summary>Asks /health/ready until it answers <paramref name="expected"/> (a readiness probe's view), for up to a minute.</summary>
    private async Task<HttpStatusCode> ReadinessBecomesAsync(HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        HttpStatusCode status;
        do
        {
            status = (await http.GetAsync("health/ready")).StatusCode;
        }
        while (status != expected && DateTime.UtcNow < deadline && await Pause());
        return status;

        static async Task<bool> Pause()
        {
            await Task.Delay(250);
            return true;
        }
    }

    private async Task<(double Slices, double RunsStarted, double RunsCompleted)> MetricsAsync()
    {
        var text = await http.GetStringAsync("metrics");
        return (Sample(text, "relations_slices_total"), Sample(text, "relations_runs_started_total"), Sample(text, "relations_runs_completed_total"));
    }

    /// <summary>The value of a Prometheus sample (summed over its labels); 0 when absent.</summary>
    private static double Sample(string text, string name) =>
        text.Split('\n').Where(line => line.StartsWith(name + " ", StringComparison.Ordinal) || line.StartsWith(name + "{", StringComparison.Ordinal))
            .Sum(line => double.Parse(SampleValue().Match(line).Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\S+(?:\{[^}]*\})? (\S+)")]
    private static partial Regex SampleValue();
}
