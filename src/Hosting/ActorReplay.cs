using Relations.Grains;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Hosting;

/// <summary>Replays a scenario through grains: starts a simulation grain, watches it end, collects the series.</summary>
public static class ActorReplay
{
    public static Task<SeriesResult> RunAsync(
        IGrainFactory grains,
        string runId,
        Scenario scenario,
        SampleStep step,
        int? seed,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation) =>
        RunAsync(grains, runId, new RunRequest(scenario, step, seed), progress, cancellation);

    public static Task<SeriesResult> RunAsync(
        IGrainFactory grains,
        string runId,
        RunRequest request,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation) =>
        RunAsync(grains, runId, request, request, progress, cancellation);

    /// <summary>Through <paramref name="cluster"/>: as its client, the request travels without its scenario's bulk (<see cref="RunRequests.ForWire"/>).</summary>
    public static Task<SeriesResult> RunAsync(
        RelationsCluster cluster,
        string runId,
        RunRequest request,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation) =>
        RunAsync(cluster.Grains, runId, cluster.IsClient ? request.ForWire() : request, request, progress, cancellation);

    private static async Task<SeriesResult> RunAsync(
        IGrainFactory grains,
        string runId,
        RunRequest sent,
        RunRequest request,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation)
    {
        var simulation = grains.GetGrain<ISimulationGrain>(runId);
        var started = await GrainCallPolicy.Shared.CallAsync(() => simulation.Start(sent), cancellation);
        var status = await RunWatcher.WaitAsync(grains, simulation, started, progress, cancellation);
        if (status.State == RunState.Failed)
            throw new InvalidOperationException($"run {runId} failed: {status.Error}");
        return await ResultsOf(simulation, request);
    }

    /// <summary>A completed run's series, with its request's scenario and step, dyads in ordinal order.</summary>
    public static async Task<SeriesResult> ResultsOf(ISimulationGrain simulation, RunRequest request)
    {
        var (dates, series) = await GrainCallPolicy.Shared.CallAsync(simulation.GetResults);
        var byDyad = series
            .Select(s => s.ToSeries())
            .OrderBy(s => s.Dyad)
            .ToList();
        return new SeriesResult(request.Scenario, request.Step, dates, byDyad);
    }
}
