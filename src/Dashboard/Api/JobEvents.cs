using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Relations.Dashboard.Ensembles;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Api;

/// <summary>
/// An ensemble's or sweep's progress pushed to its page as server-sent events (<c>GET /api/jobs/{id}/events</c>),
/// in the shape of a run's (<see cref="RunEvents"/>) so that the page script follows both: one event on connect,
/// one whenever draws or cells are done, the last with the final status.
/// </summary>
public static class JobEvents
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(400);

    public static void MapJobEvents(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/jobs/{id}/events", (string id, EnsembleJobs jobs, CancellationToken aborted) =>
            jobs.Find(id) is { } job
                ? TypedResults.ServerSentEvents(Follow(job, aborted))
                : ProblemResults.NotFound($"There is no ensemble or sweep '{id}'."))
        // A stream lasts as long as its job, beyond any request's time budget.
        .DisableRequestTimeout();

    private static async IAsyncEnumerable<SseItem<object>> Follow(EnsembleJob job, [EnumeratorCancellation] CancellationToken aborted)
    {
        while (true)
        {
            var state = job.State;
            var progress = state == RunState.Completed || job.Total == 0 ? 1.0 : (double)job.Done / job.Total;
            yield return new SseItem<object>(new { id = job.Id, status = RunsApi.StatusName(state), progress, done = job.Done, total = job.Total, error = job.Error });
            if (state != RunState.Running || aborted.IsCancellationRequested)
                yield break;
            // Wakes at completion at once, otherwise after a tick with the draws done so far.
            await Task.WhenAny(job.Completion, Task.Delay(Tick, aborted));
        }
    }
}
