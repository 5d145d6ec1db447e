using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Interfaces;

/// <summary>Replays a scenario through grains: starts a simulation grain, follows its progress, collects the series.</summary>
public static class ActorReplay
{
    public static async Task<SeriesResult> RunAsync(
        IGrainFactory grains,
        string runId,
        Scenario scenario,
        SampleStep step,
        int? seed,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation)
    {
        var simulation = grains.GetGrain<ISimulationGrain>(runId);
        var status = await simulation.Start(new RunRequest(scenario, step, seed));
        while (status.State == RunState.Running)
        {
            progress?.Report(status);
            cancellation.ThrowIfCancellationRequested();
            status = await simulation.WaitForCompletion(TimeSpan.FromMilliseconds(250));
        }
        progress?.Report(status);
        if (status.State == RunState.Failed)
            throw new InvalidOperationException($"run {runId} failed: {status.Error}");

        var (dates, series) = await simulation.GetResults();
        var byDyad = series
            .Select(s => new DyadSeries(new Dyad(s.A, s.B), s.Scores, s.Strengths))
            .OrderBy(s => s.Dyad)
            .ToList();
        return new SeriesResult(scenario, step, dates, byDyad);
    }
}
