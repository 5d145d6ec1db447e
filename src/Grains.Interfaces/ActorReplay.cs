using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Interfaces;

/// <summary>Replays a scenario through grains: starts a simulation grain, follows its progress, collects the series.</summary>
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

    public static async Task<SeriesResult> RunAsync(
        IGrainFactory grains,
        string runId,
        RunRequest request,
        IProgress<RunStatus>? progress,
        CancellationToken cancellation)
    {
        var simulation = grains.GetGrain<ISimulationGrain>(runId);
        var status = await simulation.Start(request);
        var lostCalls = 0;
        while (status.State == RunState.Running)
        {
            progress?.Report(status);
            cancellation.ThrowIfCancellationRequested();
            try
            {
                status = await simulation.WaitForCompletion(TimeSpan.FromMilliseconds(250));
            }
            catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException && ++lostCalls <= 20)
            {
                // The run's silo went away; the next call activates the run elsewhere, where it resumes from its checkpoint.
            }
        }
        progress?.Report(status);
        if (status.State == RunState.Failed)
            throw new InvalidOperationException($"run {runId} failed: {status.Error}");

        return await ResultsOf(simulation, request);
    }

    /// <summary>A completed run's series, with its request's scenario and step, dyads in ordinal order.</summary>
    public static async Task<SeriesResult> ResultsOf(ISimulationGrain simulation, RunRequest request)
    {
        var (dates, series) = await simulation.GetResults();
        var byDyad = series
            .Select(s => new DyadSeries(new Dyad(s.A, s.B), s.Scores, s.Strengths))
            .OrderBy(s => s.Dyad)
            .ToList();
        return new SeriesResult(request.Scenario, request.Step, dates, byDyad);
    }
}
