using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// Runs an ensemble or a sweep with one engine: <c>actors</c> (the default) as a job of the cluster — a job grain
/// handing batches of draws to workers on every silo, <see cref="JobClient"/> —, <c>fast</c> or <c>reference</c> in
/// this process (<see cref="JobRunner"/>). All fold their units in the same order, so the outcome has the same bits
/// for one evaluator whoever evaluates it.
/// </summary>
internal sealed class DrawReplayer : IAsyncDisposable
{
    private readonly string engine;
    private readonly Task<RelationsCluster>? cluster;

    private DrawReplayer(string engine, Task<RelationsCluster>? cluster) => (this.engine, this.cluster) = (engine, cluster);

    /// <summary>Starts connecting (for <c>actors</c>) at once, so the silo starts while the scenario loads.</summary>
    public static DrawReplayer Open(string engine, ClusterTarget target, RelationsStorage storage, CancellationToken cancellation) => engine switch
    {
        "actors" => new(engine, RelationsCluster.ConnectAsync(target, storage, cancellation)),
        "reference" or "fast" => new(engine, null),
        // An engine added to --engine later must be wired in here, not fall back silently.
        _ => throw new BadInputException($"--engine {engine} is not supported by ensembles and sweeps yet; use actors, fast or reference"),
    };

    /// <summary>Runs job <paramref name="jobId"/>, showing its progress as draws (an ensemble) or cells (a sweep).</summary>
    public async Task<JobOutcome> RunAsync(CliConsole console, string jobId, JobRequest request, CancellationToken cancellation)
    {
        var plan = request.Plan();
        var (label, unit) = request.Kind == JobKind.Ensemble
            ? ($"{request.Draws} draws of {request.Run.Scenario.Id}", "draws")
            : ($"{plan.CellCount} cells of {request.Run.Scenario.Id}", "cells");
        return await RunProgressDisplay.Show(console, label, progress =>
        {
            void Report(int units)
            {
                var (done, total) = request.Kind == JobKind.Ensemble ? (Math.Max(0, units - 1), plan.Total - 1) : (units / plan.PerCell, plan.CellCount);
                progress.Report(new RunStatus(jobId, RunState.Running, done, total, 0, null, request.Run.Scenario.Id));
            }
            var every = CountProgress.Every(plan.Total, Report);
            if (cluster is null)
            {
                Func<Scenario, SampleStep, int?, SeriesResult>? evaluate = engine == "reference" ? (s, step, seed) => ReferenceEvaluator.Evaluate(s, step, seed) : null;
                return JobRunner.RunAsync(plan, evaluate, Environment.ProcessorCount, every, cancellation);
            }
            return RunOnClusterAsync(jobId, request, new SynchronousProgress<JobStatus>(status => every.Report(status.Done)), cancellation);
        }, unit);
    }

    private async Task<JobOutcome> RunOnClusterAsync(string jobId, JobRequest request, IProgress<JobStatus> progress, CancellationToken cancellation)
    {
        var connected = await cluster!;
        return await JobClient.RunAsync(connected.Grains, jobId, request, progress, cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is null)
            return;
        try
        {
            await (await cluster).DisposeAsync();
        }
        catch (Exception) when (!cluster.IsCompletedSuccessfully)
        {
            // It never connected: the command reports why.
        }
    }

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
