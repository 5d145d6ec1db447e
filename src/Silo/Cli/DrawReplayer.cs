using Relations.Grains;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// Replays the many runs of an ensemble or a sweep with one engine: <c>reference</c> or <c>fast</c> in this process, <c>actors</c>
/// as concurrent runs of one cluster connection (each run its own simulation grain, as <c>replay</c> starts it;
/// an ensemble's draws kept by an ensemble grain, <see cref="EnsembleReplay"/>).
/// Every result comes back with its dyads in ordinal order, whichever engine made it.
/// </summary>
internal sealed class DrawReplayer : IAsyncDisposable
{
    private readonly string engine;
    private readonly RelationsCluster? cluster;

    private DrawReplayer(string engine, RelationsCluster? cluster)
    {
        this.engine = engine;
        this.cluster = cluster;
    }

    /// <summary>Runs in flight at once: enough to keep the cluster's silos busy, few enough to bound memory.</summary>
    public int Concurrency => cluster is null ? Environment.ProcessorCount : int.TryParse(Environment.GetEnvironmentVariable("RELATIONS_DRAW_CONCURRENCY"), out var c) ? c : 16;

    public static async Task<DrawReplayer> OpenAsync(string engine, ClusterTarget target, RelationsStorage storage, CancellationToken cancellation) => engine switch
    {
        "actors" => new(engine, await RelationsCluster.ConnectAsync(target, storage, cancellation)),
        "reference" or "fast" => new(engine, null),
        // An engine added to --engine later must be wired in here, not fall back silently.
        _ => throw new BadInputException($"--engine {engine} is not supported by ensembles and sweeps yet; use actors or reference"),
    };

    /// <param name="unlisted">A draw or a cell: not recorded in the run registry (<see cref="RunRequest.Unlisted"/>).</param>
    public async Task<SeriesResult> ReplayAsync(Scenario scenario, ScenarioSource? source, SampleStep step, int? seed, string runId, CancellationToken cancellation, bool unlisted = false)
    {
        SeriesResult result;
        if (engine == "fast")
            result = StreamingEvaluator.Evaluate(scenario, step, seed);
        else if (cluster is null)
            result = ReferenceEvaluator.Evaluate(scenario, step, seed);
        else
        {
            var request = new RunRequest(scenario, step, seed) { Source = source, CheckpointEverySlices = cluster.CheckpointEverySlices, Unlisted = unlisted };
            result = await ActorReplay.RunAsync(cluster.Grains, runId, request, progress: null, cancellation);
        }
        return result with { Dyads = [.. result.Dyads.OrderBy(s => s.Dyad)] };
    }

    /// <summary>
    /// The deterministic replay and <paramref name="draws"/> Monte-Carlo draws (draw i with seed S + i, run id
    /// <c>{runId}-d{i}</c>), folded into an ensemble; progress as replay shows it, counted in draws.
    /// </summary>
    public async Task<EnsembleResult> EnsembleAsync(
        CliConsole console, Scenario scenario, ScenarioSource? source, SampleStep step, int draws, int seed, string runId, CancellationToken cancellation)
    {
        var deterministic = await ReplayAsync(scenario, source, step, null, runId, cancellation);
        return await RunProgressDisplay.Show(console, $"{draws} draws of {scenario.Id}", progress =>
        {
            var report = CountProgress.Every(draws, done => progress.Report(new RunStatus(runId, RunState.Running, done, draws, 0, null, scenario.Id)));
            return cluster is null
                ? EnsembleRunner.RunAsync(deterministic, draws, seed,
                    (draw, drawSeed, token) => ReplayAsync(scenario, source, step, drawSeed, $"{runId}-d{draw}", token, unlisted: true),
                    Concurrency, report, cancellation)
                : EnsembleReplay.RunAsync(cluster.Grains, runId, deterministic,
                    new RunRequest(scenario, step, seed) { Source = source, CheckpointEverySlices = cluster.CheckpointEverySlices },
                    draws, Concurrency, report, cancellation);
        }, unit: "draws");
    }

    public ValueTask DisposeAsync() => cluster?.DisposeAsync() ?? ValueTask.CompletedTask;

    public override string ToString() => engine;
}

/// <summary>Progress in counts, passed on synchronously (in order) and only about every 5 %, so 1,000 draws print 20 lines.</summary>
internal sealed class CountProgress(int total, Action<int> report) : IProgress<int>
{
    private int lastStep = -1;

    public static CountProgress Every(int total, Action<int> report) => new(total, report);

    public void Report(int value)
    {
        var step = (int)(20L * value / Math.Max(1, total));
        if (step == lastStep)
            return;
        lastStep = step;
        report(value);
    }
}
