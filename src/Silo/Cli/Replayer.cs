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
        if (engine == "reference")
            return ReferenceEvaluator.Evaluate(scenario, step, seed);

        await using var cluster = await RelationsCluster.ConnectAsync(target, storage, cancellation);
        var request = new RunRequest(scenario, step, seed) { Source = source, CheckpointEverySlices = cluster.CheckpointEverySlices };
        return await RunProgressDisplay.Show(console, $"replaying {scenario.Id}", progress =>
            ActorReplay.RunAsync(cluster, runId, request, progress, cancellation));
    }
}
