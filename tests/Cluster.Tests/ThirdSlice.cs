using Relations.Grains.Interfaces;

namespace Relations.Cluster.Tests;

/// <summary>Progress that marks the run's third slice: <see cref="Reached"/> completes then, or fails after 90 s.</summary>
internal sealed class ThirdSlice : IProgress<RunStatus>
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => reached.Task.WaitAsync(TimeSpan.FromSeconds(90));

    public void Report(RunStatus value)
    {
        if (value.SlicesDone >= 3)
            reached.TrySetResult();
    }
}
