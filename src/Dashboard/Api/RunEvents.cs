using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Api;

/// <summary>
/// A run's progress pushed to the page as server-sent events (<c>GET /api/runs/{id}/events</c>): one event when a
/// page connects, one whenever the simulation grain reports progress or completion (its WaitForCompletion answers at
/// completion or after a short wait), and the stream ends with the final status.
/// </summary>
public static class RunEvents
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(400);

    public static void MapRunEvents(this RouteGroupBuilder api) =>
        api.MapGet("/runs/{id}/events", async (string id, RunService runs, IGrainFactory grains, CancellationToken aborted) =>
            RunService.IsRunId(id) && await runs.StatusAsync(id) is not null
                ? TypedResults.ServerSentEvents(Follow(grains.GetGrain<ISimulationGrain>(id), id, aborted))
                : ProblemResults.NotFound($"There is no run '{id}'."))
        // A stream lasts as long as its run, beyond any request's time budget.
        .DisableRequestTimeout();

    private static async IAsyncEnumerable<SseItem<object>> Follow(ISimulationGrain simulation, string id, [EnumeratorCancellation] CancellationToken aborted)
    {
        var status = await simulation.GetStatus();
        while (true)
        {
            var state = RunsApi.StatusName(status.State);
            yield return new SseItem<object>(new { id, status = state, progress = status.State == RunState.Completed ? 1.0 : status.Progress, error = RunErrors.Plain(status.Error), waiting = status.Waiting });
            if (state != "running" || aborted.IsCancellationRequested)
                yield break;
            status = await simulation.WaitForCompletion(Tick);
        }
    }
}
