using Relations.Hosting;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// The processes of one test: an Azurite, and the silos and dashboards started on it. Disposing stops each by its id —
/// also when the test fails — and shows the last lines each said in the test's output, for the failure to be read.
/// </summary>
internal sealed class TestProcesses : IAsyncDisposable
{
    private readonly ITestOutputHelper log;
    private readonly List<ProgramProcess> started = [];

    private TestProcesses(ITestOutputHelper log, LocalAzurite azurite) => (this.log, Azurite) = (log, azurite);

    public LocalAzurite Azurite { get; }

    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>Starts the Azurite the processes keep their state in (in memory unless <paramref name="dataDirectory"/>).</summary>
    public static async Task<TestProcesses> StartAsync(ITestOutputHelper log, string? dataDirectory = null) =>
        new(log, await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), dataDirectory));

    /// <summary>A <c>relations silo</c> of cluster <paramref name="clusterId"/>.</summary>
    public Task<ProgramProcess> SiloAsync(string clusterId, params string[] more) =>
        Kept(ProgramProcess.StartSiloAsync(ConnectionString, clusterId, more));

    /// <summary><paramref name="count"/> silos of cluster <paramref name="clusterId"/>, started together.</summary>
    public async Task<ProgramProcess[]> SilosAsync(string clusterId, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => SiloAsync(clusterId)));

    /// <summary>The main command: a dashboard with a silo of its own.</summary>
    public Task<ProgramProcess> DashboardAsync(params string[] more) =>
        Kept(ProgramProcess.StartDashboardAsync(ConnectionString, more));

    /// <summary>A dashboard that is a client of the running cluster <paramref name="clusterId"/>.</summary>
    public Task<ProgramProcess> ClientDashboardAsync(string clusterId, params string[] more) =>
        Kept(ProgramProcess.StartClientDashboardAsync(ConnectionString, clusterId, more));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in started)
        {
            await process.DisposeAsync();
            log.WriteLine($"process {process.Id} said:\n{string.Join('\n', process.Output().Split('\n').TakeLast(40))}");
        }
        await Azurite.DisposeAsync();
    }

    private async Task<ProgramProcess> Kept(Task<ProgramProcess> starting)
    {
        // A process that did not start has stopped itself (ProgramProcess.StartAsync); one that did is kept to be stopped.
        var process = await starting;
        lock (started)
            started.Add(process);
        return process;
    }
}
