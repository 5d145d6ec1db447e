using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Relations.Dashboard.Ensembles;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Api;

/// <summary>
/// A job's progress pushed to its page as server-sent events (<c>GET /api/jobs/{id}/events</c>), in the shape of a
/// run's (<see cref="RunEvents"/>) so that the page script follows both: one event on connect, one whenever the job
/// pushes its progress to this dashboard (a grain observer, <see cref="JobWatcher"/>), the last with the final status.
/// </summary>
public static class JobEvents
{
    public static void MapJobEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/jobs/{id}/events", async (string id, JobService jobs, IGrainFactory grains, CancellationToken aborted) =>
            await jobs.StatusAsync(id) is { } status
                ? TypedResults.ServerSentEvents(Follow(grains, status, aborted))
                : ProblemResults.NotFound($"There is no ensemble or sweep '{id}'."))
        // A stream lasts as long as its job, beyond any request's time budget.
        .DisableRequestTimeout();

    private static async IAsyncEnumerable<SseItem<object>> Follow(IGrainFactory grains, JobStatus status, [EnumeratorCancellation] CancellationToken aborted)
    {
        yield return Item(status);
        if (status.State != JobState.Running)
            yield break;
        // Only the latest status matters to a page: older ones are dropped if the page reads slowly.
        var pushed = Channel.CreateBounded<JobStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        _ = Task.Run(async () =>
        {
            try
            {
                await JobWatcher.WaitAsync(grains, status.JobId, status, new Pushed(pushed.Writer), aborted);
                pushed.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                // The page's stream ends with the failure; its EventSource connects again by itself.
                pushed.Writer.TryComplete(ex is OperationCanceledException ? null : ex);
            }
        }, CancellationToken.None);
        await foreach (var next in pushed.Reader.ReadAllAsync(aborted))
        {
            yield return Item(next);
            if (next.State != JobState.Running)
                yield break;
        }
    }

    private static SseItem<object> Item(JobStatus status) => new(new
    {
        id = status.JobId,
        status = JobClient.Word(status.State),
        progress = status.Progress,
        done = status.Done,
        total = status.Total,
        timeLeftSeconds = status.TimeLeft?.TotalSeconds,
        error = status.Error,
    });

    private sealed class Pushed(ChannelWriter<JobStatus> writer) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) => writer.TryWrite(value);
    }
}
