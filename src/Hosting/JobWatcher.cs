using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>
/// Follows a job as a grain observer: the job pushes its status as units are folded and when it ends. The
/// subscription is renewed every few seconds, because it lives in the job's activation, which a lost silo takes
/// with it (the job then goes on in a new activation elsewhere).
/// </summary>
public sealed class JobWatcher : IJobObserver
{
    private readonly IProgress<JobStatus>? progress;
    private TaskCompletionSource<JobStatus> pushed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private JobWatcher(IProgress<JobStatus>? progress) => this.progress = progress;

    public Task Progress(JobStatus status)
    {
        progress?.Report(status);
        pushed.TrySetResult(status);
        return Task.CompletedTask;
    }

    /// <summary>Waits until job <paramref name="jobId"/> (now <paramref name="status"/>) has ended; answers its last status.</summary>
    public static async Task<JobStatus> WaitAsync(
        IGrainFactory grains, string jobId, JobStatus status, IProgress<JobStatus>? progress, CancellationToken cancellation)
    {
        var job = grains.GetGrain<IJobGrain>(jobId);
        var watcher = new JobWatcher(progress);
        var reference = grains.CreateObjectReference<IJobObserver>(watcher);
        try
        {
            var renewedAt = long.MinValue;
            while (status.State is JobState.Running or JobState.NotStarted)
            {
                progress?.Report(status);
                if (renewedAt == long.MinValue || TimeProvider.System.GetElapsedTime(renewedAt) >= RunWatcher.Renew)
                {
                    status = await GrainCallPolicy.Shared.CallAsync(() => job.Watch(reference), cancellation);
                    renewedAt = TimeProvider.System.GetTimestamp();
                    if (status.State != JobState.Running)
                        break;
                }
                var next = watcher.pushed.Task;
                await Task.WhenAny(next, Task.Delay(TimeSpan.FromTicks(Math.Max(0, (RunWatcher.Renew - TimeProvider.System.GetElapsedTime(renewedAt)).Ticks)), cancellation));
                cancellation.ThrowIfCancellationRequested();
                if (next.IsCompleted)
                {
                    status = await next;
                    watcher.pushed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
        finally
        {
            grains.DeleteObjectReference<IJobObserver>(reference);
        }
        progress?.Report(status);
        return status;
    }
}
