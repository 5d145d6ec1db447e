using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Classes;

/// <summary>
/// A class board's live feed: subscribes to the session's grain as an observer (renewed every 20 s, within the
/// grain's one-minute expiry) and yields the session's version whenever the grain pushes a change — a student saved,
/// joined, or a run ended — as server-sent events. Nothing is polled.
/// </summary>
public sealed class ClassWatcher : IClassObserver
{
    private static readonly TimeSpan Renew = TimeSpan.FromSeconds(20);

    private readonly Channel<long> changes = Channel.CreateUnbounded<long>();

    public Task Changed(long version)
    {
        changes.Writer.TryWrite(version);
        return Task.CompletedTask;
    }

    /// <summary>The session's versions: the current one at once, then one per change, until the reader goes away.</summary>
    public static async IAsyncEnumerable<SseItem<object>> FollowAsync(IGrainFactory grains, IClassSessionGrain session, [EnumeratorCancellation] CancellationToken aborted)
    {
        var watcher = new ClassWatcher();
        var reference = grains.CreateObjectReference<IClassObserver>(watcher);
        try
        {
            await session.Subscribe(reference);
            var view = await session.Get();
            var last = view?.Version ?? 0;
            yield return new SseItem<object>(new { version = last, closed = view?.Closed ?? true });
            while (!aborted.IsCancellationRequested)
            {
                using var renew = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                renew.CancelAfter(Renew);
                long? version = null;
                try
                {
                    version = await watcher.changes.Reader.ReadAsync(renew.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await session.Subscribe(reference);
                }
                if (aborted.IsCancellationRequested)
                    yield break;
                if (version is { } changed && changed > last)
                {
                    // Several pushes close together become one event.
                    while (watcher.changes.Reader.TryRead(out var later))
                        changed = Math.Max(changed, later);
                    last = changed;
                    yield return new SseItem<object>(new { version = last });
                }
            }
        }
        finally
        {
            await session.Unsubscribe(reference);
            grains.DeleteObjectReference<IClassObserver>(reference);
        }
    }
}
