namespace Relations.Grains;

/// <summary>
/// A reentrant grain's state writes for many concurrent callers, with as few storage writes as their changes allow:
/// while one write is in flight, every caller that changes the state meanwhile waits for the one next write, which
/// covers all their changes. Without it, twenty runs listing themselves at once make twenty writes one after another
/// (and the last waits for all of them); with it, two. Calls come on the grain's own scheduler, one turn at a time.
/// </summary>
internal sealed class CoalescedWrites(Func<Task> write)
{
    private Task? running;
    private Task? queued;

    /// <summary>Completes once a write that began after this call has stored the state; fails as that write fails.</summary>
    public Task WriteAsync()
    {
        if (queued is { } next)
            return next;
        if (running is not { IsCompleted: false })
            return running = write();
        return queued = WriteAfter(running);
    }

    private async Task WriteAfter(Task previous)
    {
        try
        {
            await previous;
        }
        catch
        {
            // Its own callers see that failure; this write, which holds later changes as well, is tried regardless.
        }
        queued = null;
        await (running = write());
    }
}
