using Relations.Hosting;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>Replays a loaded scenario with the chosen engine, reporting progress for the actor engine.</summary>
internal static class Replayer
{
    public static async Task<SeriesResult> ReplayAsync(
        CliConsole console, Scenario scenario, ScenarioSource? source, string engine, SampleStep step, int? seed, string runId,
        ClusterTarget target, RelationsStorage storage, CancellationToken cancellation)
    {
        var (result, stopping) = await ReplayAsync(console, scenario, source, engine, step, seed, runId,
            engine == "actors" ? RelationsCluster.ConnectAsync(target, storage, cancellation) : null, cancellation);
        await stopping;
        return result;
    }

    /// <summary>
    /// Replays with a cluster whose start-up began earlier (<paramref name="starting"/>, for the actor engine, so that
    /// it overlaps loading the scenario), and answers as soon as the result is in, with the cluster's shut-down still
    /// going on in <c>Stopping</c>, so that writing the output overlaps it too; the caller awaits it.
    /// </summary>
    public static async Task<(SeriesResult Result, Task Stopping)> ReplayAsync(
        CliConsole console, Scenario scenario, ScenarioSource? source, string engine, SampleStep step, int? seed, string runId,
        Task<RelationsCluster>? starting, CancellationToken cancellation)
    {
        if (engine == "reference")
            return (ReferenceEvaluator.Evaluate(scenario, step, seed), Task.CompletedTask);
        if (engine == "fast")
            return (StreamingEvaluator.Evaluate(scenario, step, seed), Task.CompletedTask);

        var cluster = await (starting ?? throw new ArgumentNullException(nameof(starting)));
        try
        {
            var request = new RunRequest(scenario, step, seed) { Source = source, CheckpointEverySlices = cluster.CheckpointEverySlices };
            var result = await RunProgressDisplay.Show(console, $"replaying {scenario.Id}", progress =>
                ActorReplay.RunAsync(cluster, runId, request, progress, cancellation));
            return (result, cluster.DisposeAsync().AsTask());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops a cluster whose start-up was begun but is not needed after all (the input was bad).</summary>
    public static async Task Abandon(Task<RelationsCluster>? starting)
    {
        if (starting is null)
            return;
        try
        {
            await (await starting).DisposeAsync();
        }
        catch (Exception) when (starting.IsFaulted || starting.IsCanceled)
        {
            // It never started: nothing to stop, and the command reports its own failure.
        }
    }
}
