using Orleans.Core.Internal;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>
/// Runs a Monte-Carlo ensemble through a cluster for any client (the CLI, the dashboard): an ensemble grain (key:
/// the ensemble id) starts and keeps the draws as runs <see cref="EnsembleKeys.Draw"/>; this client follows them in
/// draw order, a window at a time — it waits for draw i (starting it itself if it is first there; starting is
/// idempotent), folds its series and deactivates the draw's grains, so the activations held stay bounded by the
/// window however many draws there are (their state stays in storage, as every run's does).
/// </summary>
public static class EnsembleReplay
{
    /// <param name="deterministic">The replay without a seed, whose dyads and days the draws must have.</param>
    /// <param name="request">The draws' request, its seed S being draw 0's.</param>
    public static async Task<EnsembleResult> RunAsync(
        IGrainFactory grains, string ensembleId, SeriesResult deterministic, RunRequest request, int draws, int concurrency,
        IProgress<int>? progress, CancellationToken cancellation)
    {
        request = request with { Unlisted = true };
        var seed = request.Seed ?? throw new ArgumentException("an ensemble's request needs its seed S", nameof(request));
        var ensemble = grains.GetGrain<IEnsembleGrain>(ensembleId);
        await ensemble.Start(new EnsembleRequest(request, draws, concurrency));
        var accumulator = new EnsembleAccumulator(deterministic, draws);
        await OrderedWindow.RunAsync(draws, concurrency, async (draw, token) =>
        {
            var drawId = EnsembleKeys.Draw(ensembleId, draw);
            var result = await ActorReplay.RunAsync(grains, drawId, request with { Seed = seed + draw }, null, token);
            await Deactivate(grains, drawId, request.Scenario, deterministic);
            return result;
        }, (_, replay) =>
        {
            accumulator.Add(replay);
            progress?.Report(accumulator.Folded);
        }, cancellation);

        var status = await ensemble.WaitForCompletion(TimeSpan.FromSeconds(30));
        if (status.State != RunState.Completed)
            throw new InvalidOperationException($"ensemble {ensembleId} is {status.State.ToString().ToLowerInvariant()} after all its draws completed{(status.Error is { } e ? $": {e}" : "")}");
        return accumulator.Result();
    }

    /// <summary>Lets a finished draw's grains go (the run, its dyads' and its actors'): its series are folded.</summary>
    private static Task Deactivate(IGrainFactory grains, string drawId, Scenario scenario, SeriesResult deterministic) =>
        Task.WhenAll(deterministic.Dyads.Select(s => (IAddressable)grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(drawId, s.Dyad)))
            .Concat(scenario.Actors.Select(a => (IAddressable)grains.GetGrain<IRegionGrain>(GrainKeys.Region(drawId, a.Id))))
            .Append(grains.GetGrain<ISimulationGrain>(drawId))
            .Select(grain => grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle().AsTask()));
}
