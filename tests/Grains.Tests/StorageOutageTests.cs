using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;

namespace Relations.Grains.Tests;

/// <summary>
/// Storage stopped part-way through a run and started again on the same data: the run waits for it — saying so in
/// its status in a plain sentence and once in the log — spends no resume on the wait, and ends with the series of an
/// uninterrupted run.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("relations-outage-").FullName;
    private LocalAzurite azurite = null!;
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), data);
        // One silo, with the test's in-memory membership: only grain state and reminders live in the storage that dies.
        var builder = DurableRuns.ClusterOn(azurite.ConnectionString, silos: 1);
        builder.AddSiloBuilderConfigurator<LoggedSilo>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task A_run_waits_for_storage_killed_part_way_and_ends_with_the_uninterrupted_series()
    {
        var request = DurableRuns.SyntheticRequest(events: 40_000, dyads: 400, seed: 5, checkpointEverySlices: 1);
        var runId = $"outage-{Guid.NewGuid():N}";
        var simulation = cluster.Client.GetGrain<ISimulationGrain>(runId);
        var status = await DurableRuns.StartPartWayAsync(simulation, request);

        var port = azurite.Port;
        // Stopped as Ctrl+C stops it, so that it saves its data folder: killed, Azurite loses its last 5 s of
        // writes — the table itself, this early in a run — which is a loss of data, not an outage.
        await azurite.InterruptAsync();
        var waited = Deadline(TimeSpan.FromMinutes(2));
        while (status.Waiting is null && status.State == RunState.Running && !waited.IsCancellationRequested)
            status = await simulation.WaitForCompletion(TimeSpan.FromMilliseconds(100));
        Assert.Equal(RunState.Running, status.State);
        Assert.NotNull(status.Waiting);
        Assert.StartsWith("Storage has not answered since ", status.Waiting);
        Assert.DoesNotContain("Exception", status.Waiting);

        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), data, port);
        var result = await ActorReplay.RunAsync(cluster.Client, runId, request, null, CancellationToken.None);

        var final = await simulation.GetStatus();
        Assert.Equal(RunState.Completed, final.State);
        Assert.Null(final.Waiting);
        // The outage itself spends no resume (the run waited). A write cut off while Azurite closes can spend one:
        // the read-back just after may still be answered, so that failure is not taken for an outage.
        Assert.InRange(final.Resumes, 0, 1);
        ReferenceSeries.AssertEqual(request.Scenario, request.Step, result);

        // The log says it once per outage, not once per attempt: the detail (a stack trace) once, when it starts.
        var lines = Logged.Lines.Where(line => line.Contains(runId, StringComparison.Ordinal)).ToList();
        var outage = lines.Where(line => line.Contains("storage does not answer", StringComparison.Ordinal)
            || line.Contains("storage answers again", StringComparison.Ordinal)).ToList();
        Assert.Single(outage, line => line.Contains("storage does not answer", StringComparison.Ordinal));
        Assert.Single(outage, line => line.Contains("storage answers again", StringComparison.Ordinal));
        Assert.Single(outage, line => line.Contains("   at ", StringComparison.Ordinal) && line.Contains("storage does not answer", StringComparison.Ordinal));
    }

    private static CancellationToken Deadline(TimeSpan after) => new CancellationTokenSource(after).Token;

    private sealed class LoggedSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton<ILoggerProvider, Logged>();
    }

    /// <summary>Keeps what the simulation grain logs, with any exception's text, for the test to read.</summary>
    private sealed class Logged : ILoggerProvider, ILogger
    {
        public static readonly ConcurrentQueue<string> Lines = new();

        public ILogger CreateLogger(string categoryName) => categoryName.EndsWith(nameof(SimulationGrain), StringComparison.Ordinal) ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));

        public void Dispose() { }
    }
}
