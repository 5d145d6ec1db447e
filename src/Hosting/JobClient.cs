using System.Runtime.InteropServices;
using Relations.Grains;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;

namespace Relations.Hosting;

/// <summary>
/// Ensembles and sweeps as jobs of the cluster, for any client (the CLI, the dashboard, the tests): start one, follow
/// it, read its outcome back — from the process that started it or any other reaching the same cluster or storage.
/// </summary>
public static class JobClient
{
    /// <summary>A new job id: the scenario id and a random suffix (<c>sweep-</c> first for a sweep), like a run's.</summary>
    public static string NewId(JobRequest request) =>
        $"{(request.Kind == JobKind.Sweep ? "sweep-" : "")}{request.Run.Scenario.Id}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Starts job <paramref name="jobId"/>; the request travels without its scenario's bulk when it has a source.</summary>
    public static Task<JobStatus> StartAsync(IGrainFactory grains, string jobId, JobRequest request) =>
        grains.GetGrain<IJobGrain>(jobId).Start(request with { Run = request.Run.ForWire() });

    /// <summary>Starts a job and waits for its end, reporting progress; answers its outcome, or throws with the job's sentence.</summary>
    public static async Task<JobOutcome> RunAsync(
        IGrainFactory grains, string jobId, JobRequest request, IProgress<JobStatus>? progress, CancellationToken cancellation)
    {
        var status = await StartAsync(grains, jobId, request);
        try
        {
            status = await JobWatcher.WaitAsync(grains, jobId, status, progress, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Whoever asked has gone (Ctrl+C): the job stops rather than running on for nobody.
            await grains.GetGrain<IJobGrain>(jobId).Cancel();
            throw;
        }
        return await OutcomeAsync(grains, status, request);
    }

    /// <summary>A completed job's outcome, read back from its stored parts; throws with a sentence for any other job.</summary>
    public static async Task<JobOutcome> OutcomeAsync(IGrainFactory grains, string jobId)
    {
        var job = grains.GetGrain<IJobGrain>(jobId);
        var status = await GrainCallPolicy.Shared.CallAsync(job.GetStatus, CancellationToken.None);
        var request = status.State == JobState.NotStarted ? null : await GrainCallPolicy.Shared.CallAsync(job.GetRequest, CancellationToken.None);
        return await OutcomeAsync(grains, status, request);
    }

    private static async Task<JobOutcome> OutcomeAsync(IGrainFactory grains, JobStatus status, JobRequest? request)
    {
        if (status.State != JobState.Completed || request is null)
            throw new InvalidOperationException(Unfinished(status));
        var parts = await Task.WhenAll(Enumerable.Range(0, status.Parts).Select(part =>
            GrainCallPolicy.Shared.CallAsync(grains.GetGrain<IJobResultGrain>(JobKeys.ResultPart(status.JobId, part)).Get, CancellationToken.None)));
        var bytes = new byte[parts.Sum(p => (long)p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(bytes, at);
            at += part.Length;
        }
        return JobOutcomeValues.Rebuild(request.Plan(), MemoryMarshal.Cast<byte, double>(bytes));
    }

    /// <summary>Why a job has no outcome to read, in a sentence.</summary>
    public static string Unfinished(JobStatus status) => status.State switch
    {
        JobState.NotStarted => $"there is no job '{status.JobId}' here (see 'relations jobs list')",
        JobState.Running => $"job {status.JobId} has not completed yet ({status.Done} of {status.Total} evaluations done); try again when 'relations jobs list' says completed",
        JobState.Failed => $"job {status.JobId} failed: {status.Error}",
        JobState.Cancelled => $"job {status.JobId} was cancelled",
        _ => $"job {status.JobId} has no result to show",
    };

    /// <summary>The words of interfaces.md for a job's state (running, completed, failed, cancelled).</summary>
    public static string Word(JobState state) => state == JobState.NotStarted ? "running" : state.ToString().ToLowerInvariant();

    /// <summary>The words of interfaces.md for a job's kind (ensemble, sweep).</summary>
    public static string Word(JobKind kind) => kind.ToString().ToLowerInvariant();
}
