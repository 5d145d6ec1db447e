using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>
/// Waits for a run to end as a grain observer: the run pushes its status after every slice and at its end. The
/// subscription is renewed every few seconds, because it lives in the run's activation, which a lost silo takes
/// with it (the run then goes on in a new activation elsewhere).
/// </summary>
public sealed class RunWatcher : IRunObserver
{
    /// <summary>How long a watcher waits for a push before it renews its subscription (and reads the status).</summary>
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(5);

    /// <summary>Calls that fail because a silo went away are retried this many times, a second apart.</summary>
    private const int MaxLostCalls = 60;

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

    /// <summary>
    /// Makes a call, and makes it again (a second apart, up to <see cref="MaxLostCalls"/> times) while it is refused
    /// because a silo went away — its gateway or the silo holding the grain's directory entry — until the cluster has
    /// noticed and the call finds its way. Any other failure is the call's answer.
    /// </summary>
    public static async Task<T> RetryLostAsync<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var lost = 0; ; lost++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is Orleans.Runtime.OrleansMessageRejectionException or TimeoutException && lost < MaxLostCalls)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            }
        }
    }

    /// <summary>Waits until the run of <paramref name="simulation"/> (now <paramref name="status"/>) has completed or failed; answers its last status.</summary>
    public static async Task<RunStatus> WaitAsync(
        IGrainFactory grains, ISimulationGrain simulation, RunStatus status, IProgress<RunStatus>? progress, CancellationToken cancellation)
    {
        var watcher = new RunWatcher(progress);
        var reference = grains.CreateObjectReference<IRunObserver>(watcher);
        try
        {
            var lostCalls = 0;
            while (status.State == RunState.Running)
            {
                progress?.Report(status);
                try
                {
                    status = await simulation.Watch(reference);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && ++lostCalls <= MaxLostCalls)
                {
                    // The run's silo went away; the next call activates the run elsewhere, where it resumes from its checkpoint.
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                    continue;
                }
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
