using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One run. Sets up a relationship grain per dyad and a region grain per actor, then drives the timeline in
/// date order, one time slice (a calendar year) at a time: each slice's occurrences go to each dyad's grain in
/// one batch, so the cost grows with grains touched, not with events. Every few slices it checkpoints: the
/// grains touched since the last checkpoint write their state, then the run writes its position. A run that
/// fails part-way (a silo lost) restores the grains to that checkpoint and goes on from there, whether the
/// failure reached this grain as an exception or as a new activation.
/// </summary>
public sealed class SimulationGrain(
    [PersistentState("simulation", "relations")] IPersistentState<SimulationState> state,
    [PersistentState("request", "relations")] IPersistentState<RunRequestState> request,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<SimulationGrain> logger) : Grain, ISimulationGrain
{
    /// <summary>How often a run restores its last checkpoint and tries again before it reports failure.</summary>
    private const int MaxResumes = 5;

    private RunRequest? runRequest;
    private TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? driving;
    private DyadSeriesData[]? results;

    private string RunId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run found unfinished on activation lost its silo: it goes on from its checkpoint.
        if (state.State.State == RunState.Running)
        {
            state.State.Resumes++;
            driving = Drive(resuming: true);
        }
        return Task.CompletedTask;
    }

    public async Task<RunStatus> Start(RunRequest started)
    {
        if (state.State.State != RunState.NotStarted)
            return Status();
        runRequest = started;
        request.State = RunRequestState.Of(started);
        await request.WriteStateAsync();
        state.State = new SimulationState
        {
            ScenarioId = started.Scenario.Id,
            State = RunState.Running,
            StartedAt = clock.GetUtcNow(),
        };
        await state.WriteStateAsync();
        await Registry.Record(Summary());
        driving = Drive(resuming: false);
        return Status();
    }

    public Task<RunStatus> Resume()
    {
        if (state.State.State == RunState.Running && driving is null)
            driving = Drive(resuming: true);
        return Task.FromResult(Status());
    }

    public Task<RunStatus> GetStatus() => Task.FromResult(Status());

    public Task<RunRequest?> GetRequest() => Task.FromResult(runRequest ??= request.State.ToRequest());

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
        results ??= await CompleteAll();
        return (state.State.SampleDays, results);
    }

    private IRunRegistryGrain Registry => grains.GetGrain<IRunRegistryGrain>("all");

    private RunSummary Summary() => new(RunId, state.State.ScenarioId ?? "", runRequest?.Scenario.Title ?? "",
        state.State.State, state.State.StartedAt);

    private RunStatus Status() => new(RunId, state.State.State, state.State.SlicesDone, state.State.SlicesTotal,
        state.State.OccurrencesApplied, state.State.Error, state.State.ScenarioId) { Resumes = state.State.Resumes };

    private async Task Drive(bool resuming)
    {
        // Yield first, so that the call that started the run answers before the plan (heavy for large scenarios) is built.
        await Task.Yield();
        try
        {
            var runRequest = this.runRequest ??= request.State.ToRequest()
                ?? throw new InvalidOperationException($"run {RunId} has no stored request to resume from");
            var plan = RunPlan.Of(runRequest.Scenario, runRequest.Seed);
            state.State.SlicesTotal = plan.SliceCount;
            state.State.SampleDays = [.. Sampling.Dates(runRequest.Scenario.Period, runRequest.Step)];
            state.State.DyadKeys = [.. plan.Dyads.All.Select(GrainKeys.DyadKey)];
            while (true)
            {
                try
                {
                    if (resuming)
                        await RestoreAll();
                    await SetUp(runRequest.Scenario, plan);
                    await RunSlices(plan, runRequest);
                    // Completing writes every dyad's final state, so the last slice needs no checkpoint of its own.
                    results = await CompleteAll();
                    break;
                }
                catch (Exception ex) when (state.State.Resumes < MaxResumes)
                {
                    // Going back to the checkpoint is always safe (applying is idempotent per slice), so any failure
                    // while grains work — a lost silo, a storage hiccup — is retried a few times, after a short pause
                    // that lets the cluster notice a dead silo; a failure that repeats ends the run with its reason.
                    state.State.Resumes++;
                    logger.LogWarning(ex, "Run {RunId} failed part-way; resuming from slice {Slice}", RunId, state.State.CheckpointSlices);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 << state.State.Resumes));
                    resuming = true;
                }
            }
            await Task.WhenAll(plan.ActorTotals.Select(a => Region(a.Key).Settle(a.Value.Count, a.Value.LastDay)));
            state.State.State = RunState.Completed;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Run {RunId} failed", RunId);
            state.State.State = RunState.Failed;
            state.State.Error = ex.Message;
        }
        await state.WriteStateAsync();
        await Registry.Record(Summary());
        finished.TrySetResult();
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        driving = null;
    }

    private async Task RunSlices(RunPlan plan, RunRequest runRequest)
    {
        var sinceCheckpoint = clock.GetTimestamp();
        state.State.SlicesDone = state.State.CheckpointSlices;
        state.State.OccurrencesApplied = state.State.CheckpointOccurrences;
        var dirtyDyads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slice in plan.Slices().Skip(state.State.CheckpointSlices))
        {
            var index = state.State.SlicesDone;
            var applied = await Task.WhenAll(slice.ByDyad.Select(batch => Relationship(batch.Key).Apply(index, batch.Value)));
            await Task.WhenAll(slice.ByActor.Select(a => Region(a.Key).Receive(index, a.Value.Count, a.Value.LastDay)));
            var touched = plan.Touched(slice);
            dirtyDyads.UnionWith(touched);
            state.State.OccurrencesApplied += applied.Sum();
            state.State.SlicesDone++;

            var last = state.State.SlicesDone == plan.SliceCount;
            var checkpoint = !last && (runRequest.CheckpointEverySlices > 0
                ? state.State.SlicesDone % runRequest.CheckpointEverySlices == 0
                : clock.GetElapsedTime(sinceCheckpoint) >= runRequest.CheckpointInterval);
            var through = new DateOnly(slice.Year, 12, 31);
            // Between checkpoints dyads only collect impulses; they fold them at a checkpoint or when completing.
            if (checkpoint)
                await Task.WhenAll(dirtyDyads.Select(key => Relationship(key).EndSlice(index, through, checkpoint)));
            if (checkpoint)
            {
                sinceCheckpoint = clock.GetTimestamp();
                dirtyDyads.Clear();
                state.State.CheckpointSlices = state.State.SlicesDone;
                state.State.CheckpointOccurrences = state.State.OccurrencesApplied;
                await state.WriteStateAsync();
            }
        }
    }

    private async Task SetUp(Scenario scenario, RunPlan plan)
    {
        var actors = plan.Actors;
        var days = state.State.SampleDays;
        await Task.WhenAll(plan.Dyads.All.Select(dyad =>
        {
            var parent = plan.Dyads.ParentOf(dyad) is { } p && plan.Dyads.All.Contains(p) ? GrainKeys.DyadKey(p) : null;
            var setup = new RelationshipSetup(RunId, dyad.A, dyad.B, parent,
                [.. plan.Dyads.ChildrenOf(dyad).Select(GrainKeys.DyadKey)],
                [.. scenario.Interruptions.Where(i => StrengthModel.Applies(i, dyad, actors)).Select(i => InterruptionSpan.Of(i, scenario.Model))],
                scenario.Model,
                days);
            return grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, dyad)).Setup(setup);
        }));

        var partners = plan.Dyads.All
            .SelectMany(d => (string[][])[[d.A, d.B], [d.B, d.A]])
            .ToLookup(pair => pair[0], pair => pair[1]);
        // Children looked up once, not by a scan of every actor for each actor (quadratic at 10k actors).
        var children = scenario.Actors.Where(a => a.Parent is not null).ToLookup(a => a.Parent!, a => a.Id, StringComparer.Ordinal);
        await Task.WhenAll(scenario.Actors.Select(actor =>
            Region(actor.Id).Setup(new RegionSetup(
                RunId, actor.Id, actor.DisplayName, actor.Kind, actors.CountryOf(actor.Id), actor.Parent,
                [.. children[actor.Id]],
                [.. partners[actor.Id]]))));
    }

    private Task RestoreAll() => Task.WhenAll(state.State.DyadKeys.Select(key => Relationship(key).Restore()));

    /// <summary>Asks every dyad for its series, a bounded number at a time, so a large run's sweeps do not all hold memory at once.</summary>
    private async Task<DyadSeriesData[]> CompleteAll()
    {
        var series = new List<DyadSeriesData>(state.State.DyadKeys.Length);
        foreach (var chunk in state.State.DyadKeys.Chunk(512))
            series.AddRange(await Task.WhenAll(chunk.Select(key => Relationship(key).Complete())));
        return [.. series];
    }

    private IRelationshipGrain Relationship(string dyadKey) => grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, dyadKey));

    private IRegionGrain Region(string actorId) => grains.GetGrain<IRegionGrain>(GrainKeys.Region(RunId, actorId));
}
