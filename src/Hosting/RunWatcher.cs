using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>
/// Waits for a run to end as a grain observer: the run pushes its status after every slice and at its end. The
/// subscription is renewed every few seconds, because it lives in the run's activation, which a lost silo takes
/// with it (the run then goes on in a new activation elsewhere). Calls lost with a silo are retried by the one
/// policy (<see cref="GrainCallPolicy"/>); any other failure is the wait's answer.
/// </summary>
public sealed class RunWatcher : IRunObserver
{
    /// <summary>How long a watcher waits for a push before it renews its subscription (and reads the status).</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(5);

    private readonly IProgress<RunStatus>? progress;
    private readonly TaskCompletionSource<RunStatus> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunWatcher(IProgress<RunStatus>? progress) => this.progress = progress;

    public Task Progress(RunStatus status)
    {
        if (status.State is RunState.Completed or RunState.Failed)
            ended.TrySetResult(status);
        else
            progress?.Report(status);
        return Task.CompletedTask;
    }

    /// <summary>Waits until the run of <paramref name="simulation"/> (now <paramref name="status"/>) has completed or failed; answers its last status.</summary>
    public static async Task<RunStatus> WaitAsync(
        IGrainFactory grains, ISimulationGrain simulation, RunStatus status, IProgress<RunStatus>? progress, CancellationToken cancellation)
    {
        var watcher = new RunWatcher(progress);
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);
        try
        {
            while (status.State == RunState.Running)
            {
                progress?.Report(status);
                // A run whose silo went away is activated elsewhere by the next call, and resumes from its checkpoint.
                status = await GrainCallPolicy.Shared.CallAsync(() => simulation.Watch(reference), cancellation);
                if (status.State != RunState.Running)
                    break;
                await Task.WhenAny(watcher.ended.Task, Task.Delay(Renew, cancellation));
                cancellation.ThrowIfCancellationRequested();
                if (watcher.ended.Task.IsCompleted)
                    status = await watcher.ended.Task;
            }
        }
        finally
        {
            grains.DeleteObjectReference<IRunObserver>(reference);
        }
        progress?.Report(status);
        return status;
    }
}
