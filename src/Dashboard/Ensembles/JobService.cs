using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Ensembles;

/// <summary>
/// Ensembles and sweeps for the pages and the API: each a job grain of the cluster (<see cref="IJobGrain"/>), started
/// here and answered at once, read back by id from any dashboard of the cluster. This process keeps nothing of a job
/// but a cache of completed outcomes, which any instance rebuilds from the job's stored parts.
/// </summary>
public sealed class JobService(IGrainFactory grains, IMemoryCache cache)
{
    /// <summary>The most evaluations one request may ask for (cells × draws), so one request cannot occupy the cluster for hours.</summary>
    public const int MaxRuns = 20_000;

    /// <summary>Starts an ensemble of <paramref name="draws"/> draws of <paramref name="request"/> (seed S = its seed, 0 by default).</summary>
    public Task<string> StartEnsembleAsync(RunRequest request, int draws, string? fromRun = null) =>
        StartAsync(new JobRequest(request with { Seed = request.Seed ?? 0 }, draws, []) { FromRun = fromRun });

    /// <summary>Starts a sweep of <paramref name="scenario"/> over <paramref name="settings"/> (KEY=V1,V2,...), each cell a replay or, with draws, an ensemble.</summary>
    public Task<string> StartSweepAsync(Scenario scenario, IReadOnlyList<string> settings, int? draws, int seed) =>
        StartAsync(new JobRequest(new RunRequest(scenario, SampleStep.Month, seed), draws, [.. settings]));

    /// <summary>Starts a new job with the request of job <paramref name="jobId"/> (a failed or cancelled one's "try again"); null when there is no such job.</summary>
    public async Task<string?> RetryAsync(string jobId) =>
        await RequestAsync(jobId) is { } request ? await StartAsync(request) : null;

    private async Task<string> StartAsync(JobRequest request)
    {
        var id = JobClient.NewId(request);
        await JobClient.StartAsync(grains, id, request);
        return id;
    }

    /// <summary>A job's status; null when there is no such job.</summary>
    public async Task<JobStatus?> StatusAsync(string id)
    {
        if (!IsJobId(id))
            return null;
        var status = await Job(id).GetStatus();
        return status.State == JobState.NotStarted ? null : status;
    }

    public async Task<JobRequest?> RequestAsync(string id) => IsJobId(id) ? await Job(id).GetRequest() : null;

    /// <summary>A completed job's outcome (cached); null when the job does not exist or has not completed.</summary>
    public async Task<JobOutcome?> OutcomeAsync(string id)
    {
        if (cache.TryGetValue<JobOutcome>(("job", id), out var cached))
            return cached;
        if (await StatusAsync(id) is not { State: JobState.Completed } status)
            return null;
        var outcome = await JobClient.OutcomeAsync(grains, id);
        var size = 1L + status.Cells * (long)(outcome.Ensemble?.Bands.Count ?? outcome.Sweep!.Cells[0].Replay.Dyads.Count) * 10;
        return cache.Set(("job", id), outcome, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = size });
    }

    public Task<JobStatus> CancelAsync(string id) => Job(id).Cancel();

    /// <summary>The latest job started from run <paramref name="runId"/>'s page, if any.</summary>
    public Task<JobSummary?> LatestOfRunAsync(string runId) => grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry).LatestOfRun(runId);

    /// <summary>Every job of the cluster, the latest first.</summary>
    public async Task<JobSummary[]> ListAsync() =>
        [.. (await grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry).List()).Reverse()];

    public IJobGrain Job(string id) => grains.GetGrain<IJobGrain>(id);

    /// <summary>Whether text can be a job id: ids are also grain keys, so nothing else reaches a grain.</summary>
    public static bool IsJobId(string? id) => RunService.IsRunId(id);

    /// <summary>The time left as a reader sees it: "about 12 s left", "about 3 min left", or nothing while unknown (app.js says the same).</summary>
    public static string? Left(JobStatus status, IStringLocalizer<Strings> strings) => status.TimeLeft is not { } left || status.State != JobState.Running ? null
        : left < TimeSpan.FromSeconds(1) ? strings["less than a second left"].Value
        : left < TimeSpan.FromMinutes(2) ? strings["about {0} s left", Display.Number(Math.Ceiling(left.TotalSeconds), "0")].Value
        : strings["about {0} min left", Display.Number(Math.Ceiling(left.TotalMinutes), "0")].Value;
}
