using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One run. Sets up a relationship grain per dyad and a region grain per actor, then drives the timeline in
/// date order, one time slice (a calendar year) at a time: each slice's occurrences go to each dyad's grain
/// in one batch, so the cost grows with grains touched, not with events. Holds status and progress.
/// </summary>
public sealed class SimulationGrain(
    [PersistentState("simulation", "relations")] IPersistentState<SimulationState> state,
    IGrainFactory grains,
    ILogger<SimulationGrain> logger) : Grain, ISimulationGrain
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DyadSeriesData[]? results;

    private string RunId => this.GetPrimaryKeyString();

    public async Task<RunStatus> Start(RunRequest request)
    {
        if (state.State.State is RunState.Running or RunState.Completed)
            return Status();
        state.State = new SimulationState { ScenarioId = request.Scenario.Id, State = RunState.Running };
        await state.WriteStateAsync();
        // The run goes on in this grain's context after Start returns; callers follow it through GetStatus.
        _ = Run(request);
        return Status();
    }

    public Task<RunStatus> GetStatus() => Task.FromResult(Status());

    public async Task<RunStatus> WaitForCompletion(TimeSpan timeout)
    {
        if (state.State.State is RunState.Running)
            await Task.WhenAny(finished.Task, Task.Delay(timeout));
        return Status();
    }

    public async Task<(DateOnly[] Dates, DyadSeriesData[] Series)> GetResults()
    {
        if (state.State.State != RunState.Completed)
            throw new InvalidOperationException($"run {RunId} has no results: it is {state.State.State.ToString().ToLowerInvariant()}{(state.State.Error is { } e ? $" ({e})" : "")}");
        results ??= await CompleteAll(state.State.SampleDays);
        return (state.State.SampleDays, results);
    }

    /// <summary>Asks every dyad for its series, a bounded number at a time, so a large run's sweeps do not all hold memory at once.</summary>
    private async Task<DyadSeriesData[]> CompleteAll(DateOnly[] days)
    {
        var series = new List<DyadSeriesData>(state.State.DyadKeys.Length);
        foreach (var chunk in state.State.DyadKeys.Chunk(512))
        {
            series.AddRange(await Task.WhenAll(chunk.Select(key =>
                grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, key)).Complete(days))));
        }
        return [.. series];
    }

    private RunStatus Status() => new(RunId, state.State.State, state.State.SlicesDone, state.State.SlicesTotal,
        state.State.OccurrencesApplied, state.State.Error, state.State.ScenarioId);

    private async Task Run(RunRequest request)
    {
        // Yield first, so that Start answers before the plan (heavy for large scenarios) is built.
        await Task.Yield();
        try
        {
            var plan = RunPlan.Of(request.Scenario, request.Seed);
            await SetUp(request.Scenario, plan);
            state.State.SlicesTotal = plan.SliceCount;
            foreach (var slice in plan.Slices())
            {
                var applied = await Task.WhenAll(slice.ByDyad.Select(batch =>
                    grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, batch.Key)).Apply(batch.Value)));
                await Task.WhenAll(slice.ByActor.Select(a =>
                    grains.GetGrain<IRegionGrain>(GrainKeys.Region(RunId, a.Key)).Receive(a.Value.Count, a.Value.LastDay)));
                state.State.OccurrencesApplied += applied.Sum();
                state.State.SlicesDone++;
            }
            var days = Sampling.Dates(request.Scenario.Period, request.Step).ToArray();
            state.State.DyadKeys = [.. plan.Dyads.All.Select(GrainKeys.DyadKey)];
            state.State.SampleDays = days;
            results = await CompleteAll(days);
            await Task.WhenAll(request.Scenario.Actors.Select(actor =>
                grains.GetGrain<IRegionGrain>(GrainKeys.Region(RunId, actor.Id)).Flush()));
            state.State.State = RunState.Completed;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Run {RunId} failed", RunId);
            state.State.State = RunState.Failed;
            state.State.Error = ex.Message;
        }
        await state.WriteStateAsync();
        finished.TrySetResult();
    }

    private async Task SetUp(Scenario scenario, RunPlan plan)
    {
        var actors = plan.Actors;
        await Task.WhenAll(plan.Dyads.All.Select(dyad =>
        {
            var parent = plan.Dyads.ParentOf(dyad) is { } p && plan.Dyads.All.Contains(p) ? GrainKeys.DyadKey(p) : null;
            var setup = new RelationshipSetup(RunId, dyad.A, dyad.B, parent,
                [.. plan.Dyads.ChildrenOf(dyad).Select(GrainKeys.DyadKey)],
                [.. scenario.Interruptions.Where(i => StrengthModel.Applies(i, dyad, actors)).Select(i => new InterruptionSpan(i.Id, i.From, i.To))],
                scenario.Model);
            return grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, dyad)).Setup(setup);
        }));

        var partners = plan.Dyads.All
            .SelectMany(d => (string[][])[[d.A, d.B], [d.B, d.A]])
            .ToLookup(pair => pair[0], pair => pair[1]);
        await Task.WhenAll(scenario.Actors.Select(actor =>
            grains.GetGrain<IRegionGrain>(GrainKeys.Region(RunId, actor.Id)).Setup(new RegionSetup(
                RunId, actor.Id, actor.DisplayName, actor.Kind, actors.CountryOf(actor.Id), actor.Parent,
                [.. scenario.Actors.Where(a => a.Parent == actor.Id).Select(a => a.Id)],
                [.. partners[actor.Id]]))));
    }
}
