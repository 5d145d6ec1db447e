using System.Collections.Concurrent;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Ensembles;

/// <summary>
/// Ensembles and sweeps started over HTTP. Their runs go through the cluster (an ensemble's draws kept by its
/// ensemble grain, <see cref="EnsembleReplay"/>); the folded statistics, which the CSV endpoints serve, are kept
/// by this process in memory — a restarted dashboard forgets them (the runs themselves stay in the cluster).
/// </summary>
public sealed class EnsembleJobs(IGrainFactory grains, RunCheckpoints checkpoints, ILogger<EnsembleJobs> logger)
{
    /// <summary>Runs in flight at once for one job.</summary>
    public const int Concurrency = 16;

    /// <summary>The most runs one request may ask for (cells × draws), so one request cannot occupy the cluster for hours.</summary>
    public const int MaxRuns = 20_000;

    private readonly ConcurrentDictionary<string, EnsembleJob> jobs = new(StringComparer.Ordinal);

    public EnsembleJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Starts an ensemble of <paramref name="draws"/> draws (seed S = the request's); its id is also its deterministic run's.</summary>
    public string StartEnsemble(RunRequest request, int draws)
    {
        var id = NewId(request.Scenario.Id);
        var job = jobs[id] = new EnsembleJob(id, draws);
        Run(job, async () =>
        {
            request = request with { CheckpointEverySlices = checkpoints.EverySlices };
            job.Ensemble = await EnsembleAsync(id, request, draws, done => job.Done = done);
        });
        return id;
    }

    /// <summary>Starts a sweep: each cell a run (or, with draws, an ensemble) of its variant of the scenario.</summary>
    public string StartSweep(Scenario scenario, SweepGrid grid, SampleStep step, int? draws, int seed)
    {
        var id = "sweep-" + NewId(scenario.Id);
        var cells = grid.Cells().Select(cell => (Cell: cell, Scenario: cell.Apply(scenario))).ToList();
        var job = jobs[id] = new EnsembleJob(id, cells.Count) { IsSweep = true };
        Run(job, async () =>
        {
            var results = new SweepCellResult[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                var request = new RunRequest(cells[i].Scenario, step, draws is null ? null : seed) { CheckpointEverySlices = checkpoints.EverySlices, Unlisted = true };
                if (draws is { } n)
                {
                    var ensemble = await EnsembleAsync($"{id}-c{i}", request, n, null);
                    results[i] = new SweepCellResult(cells[i].Cell, ensemble.Deterministic, ensemble);
                }
                else
                {
                    results[i] = new SweepCellResult(cells[i].Cell, await ActorReplay.RunAsync(grains, $"{id}-c{i}", request, null, CancellationToken.None), null);
                }
                job.Done = i + 1;
            }
            job.Sweep = new SweepResult(grid, results);
            job.Sensitivity = Sensitivity.Of(job.Sweep);
        });
        return id;
    }

    private async Task<EnsembleResult> EnsembleAsync(string id, RunRequest request, int draws, Action<int>? done)
    {
        var deterministic = await ActorReplay.RunAsync(grains, id, request with { Seed = null }, null, CancellationToken.None);
        return await EnsembleReplay.RunAsync(grains, id, deterministic, request, draws, Concurrency,
            done is null ? null : new SynchronousProgress(done), CancellationToken.None);
    }

    private void Run(EnsembleJob job, Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work();
            job.State = RunState.Completed;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Ensemble job {Id} failed", job.Id);
            job.Error = ex.Message;
            job.State = RunState.Failed;
        }
        job.Ended();
    });

    private static string NewId(string scenarioId) => $"{scenarioId}-{Guid.NewGuid().ToString("N")[..8]}";

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

/// <summary>One ensemble or sweep of <see cref="EnsembleJobs"/>: its progress (draws or cells) and, once completed, its result.</summary>
public sealed class EnsembleJob(string id, int total)
{
    public string Id { get; } = id;
    public int Total { get; } = total;
    public bool IsSweep { get; init; }
    private int done;
    private volatile RunState state = RunState.Running;

    public int Done { get => Volatile.Read(ref done); set => Volatile.Write(ref done, value); }
    public RunState State { get => state; set => state = value; }
    public string? Error { get; set; }
    public EnsembleResult? Ensemble { get; set; }
    public SweepResult? Sweep { get; set; }
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; set; }

    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the job has completed or failed.</summary>
    public Task Completion => ended.Task;

    internal void Ended() => ended.TrySetResult();
}
