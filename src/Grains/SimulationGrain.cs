using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One run. Sets up a relationship grain per dyad and a region grain per actor, then drives the timeline in date
/// order, one time slice (a calendar year) per tick of a grain timer: each slice's occurrences go to each dyad's
/// grain in one batch, so the cost grows with grains touched, not with events. Every few slices it checkpoints:
/// the grains touched since the last checkpoint write their state, then the run writes its position.
/// Orleans keeps the run alive: a tick that fails (a silo lost) makes the next tick restore the grains to the last
/// checkpoint; an activation that finds its run unfinished (its silo died, or the whole cluster was stopped and a
/// reminder woke it) goes on from that checkpoint. Watchers get the status pushed after every slice.
/// </summary>
// Grain types are named, not derived from class names, so renaming a class never orphans stored state.
[GrainType("simulation")]
public sealed class SimulationGrain(
    [PersistentState("simulation", "relations")] IPersistentState<SimulationState> state,
    [PersistentState("request", "relations")] IPersistentState<RunRequestState> request,
    IGrainFactory grains,
    TimeProvider clock,
    ILogger<SimulationGrain> logger) : Grain, ISimulationGrain, IRemindable
{
    /// <summary>How often a run restores its last checkpoint and tries again before it reports failure.</summary>
    private const int MaxResumes = 5;

    /// <summary>The pause between two ticks: none to speak of; the timer only hands the turn back to Orleans.</summary>
    private static readonly TimeSpan TickPause = TimeSpan.FromMilliseconds(1);


    private readonly ObserverManager<IRunObserver> watchers = new(TimeSpan.FromMinutes(1), logger);
    private RunRequest? runRequest;
    private TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IGrainTimer? timer;
    private RunPlan? plan;
    private IEnumerator<RunPlan.Slice>? slices;
    private bool restoreFirst;
    private bool reminderSet;
    private long sinceCheckpoint;
    private readonly HashSet<string> dirtyDyads = new(StringComparer.Ordinal);
    private DyadSeriesData[]? results;

    private string RunId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run found unfinished on activation lost its silo or its cluster: it goes on from its checkpoint.
        if (state.State.State == RunState.Running)
        {
            state.State.Resumes++;
            Drive(restore: true, TimeSpan.Zero);
        }
        return Task.CompletedTask;
    }

    public async Task<RunStatus> Start(RunRequest started)
    {
        if (state.State.State != RunState.NotStarted)
            return Status();
        // A client sends a large scenario as its source only (RunRequests.ForWire); it is rebuilt here, keeping
        // the certainty the client filtered at (model.md rule 8), which travels on the stripped scenario.
        if (started.Source is { } source && started.Scenario.Actors.Count == 0 && started.Scenario.Events.Count == 0)
            started = started with { Scenario = source.Load().KeepingCertainty(started.Scenario.KeptCertainty) };
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
        await RecordInRegistry();
        Drive(restore: false, TickPause);
        return Status();
    }

    public Task<RunStatus> Resume()
    {
        if (state.State.State == RunState.Running && timer is null)
            Drive(restore: true, TimeSpan.Zero);
        return Task.FromResult(Status());
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.State == RunState.Running)
        {
            // Activating this grain already set the run going again (OnActivateAsync); this covers a timer lost otherwise.
            if (timer is null)
                Drive(restore: true, TimeSpan.Zero);
        }
        else if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task<RunStatus> GetStatus() => Task.FromResult(Status());

    public Task<RunRequest?> GetRequest() => Task.FromResult(runRequest ??= request.State.ToRequest());

    public Task<RunStatus> Watch(IRunObserver observer)
    {
        if (state.State.State == RunState.Running)
            watchers.Subscribe(observer, observer);
        return Task.FromResult(Status());
    }

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

    private Task RecordInRegistry() =>
        (runRequest ??= request.State.ToRequest())?.Unlisted == true ? Task.CompletedTask : Registry.Record(Summary());

    private RunSummary Summary() => new(RunId, state.State.ScenarioId ?? "", runRequest?.Scenario.Title ?? "",
        state.State.State, state.State.StartedAt);

    private RunStatus Status() => new(RunId, state.State.State, state.State.SlicesDone, state.State.SlicesTotal,
        state.State.OccurrencesApplied, state.State.Error, state.State.ScenarioId) { Resumes = state.State.Resumes };

    /// <summary>(Re)starts the timer that drives the run, after <paramref name="delay"/>; the first tick restores the checkpoint when asked.</summary>
    private void Drive(bool restore, TimeSpan delay)
    {
        restoreFirst |= restore;
        slices = null;
        timer?.Dispose();
        // Not interleaving: a tick never overlaps Start or Resume; KeepAlive: a running run is never collected as idle.
        timer = this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(delay, TickPause) { KeepAlive = true });
    }

    private async Task Tick(CancellationToken cancellation)
    {
        try
        {
            if (slices is null)
            {
                // Hand the turn back first: the plan of a large scenario is heavy, and the call that started the
                // run (or a watcher's) should be answered before it is built.
                await Task.Yield();
                await Prepare();
            }
            if (slices!.MoveNext())
                await RunSlice(slices.Current);
            else
                await Finish(RunState.Completed, null);
        }
        catch (Exception ex) when (state.State.Resumes < MaxResumes && state.State.State == RunState.Running)
        {
            // Going back to the checkpoint is always safe (applying is idempotent per slice), so any failure while
            // grains work — a lost silo, a storage hiccup — is retried a few times, after a pause that lets the cluster
            // notice a dead silo; a failure that repeats ends the run with its reason.
            state.State.Resumes++;
            logger.LogWarning(ex, "Run {RunId} failed part-way; resuming from slice {Slice}", RunId, state.State.CheckpointSlices);
            Drive(restore: true, TimeSpan.FromMilliseconds(250 << state.State.Resumes));
        }
        catch (Exception ex) when (state.State.State == RunState.Running)
        {
            logger.LogWarning(ex, "Run {RunId} failed", RunId);
            await Finish(RunState.Failed, ex.Message);
        }
    }

    /// <summary>Builds the plan, restores and sets up the grains, and positions the run at its last checkpoint.</summary>
    private async Task Prepare()
    {
        var current = runRequest ??= request.State.ToRequest()
            ?? throw new InvalidOperationException($"run {RunId} has no stored request to resume from");
        if (plan is null)
        {
            plan = RunPlan.Of(current.Scenario, current.Seed);
            state.State.SlicesTotal = plan.SliceCount;
            state.State.SampleDays = [.. Sampling.Dates(current.Scenario.Period, current.Step)];
            state.State.DyadKeys = [.. plan.Dyads.All.Select(GrainKeys.DyadKey)];
        }
        if (!reminderSet)
        {
            // The reminder outlives the cluster: after a whole-cluster stop it wakes the run wherever it is placed then.
            // Set by the first tick rather than Start, so that Start answers without waiting for the reminder service.
            await this.RegisterOrUpdateReminder(RunRevival.ReminderName, RunRevival.Period, RunRevival.Period);
            reminderSet = true;
        }
        if (restoreFirst)
            await RestoreAll();
        restoreFirst = false;
        await SetUp(current.Scenario, plan);
        state.State.SlicesDone = state.State.CheckpointSlices;
        state.State.OccurrencesApplied = state.State.CheckpointOccurrences;
        dirtyDyads.Clear();
        sinceCheckpoint = clock.GetTimestamp();
        slices = plan.Slices().Skip(state.State.CheckpointSlices).GetEnumerator();
    }

    private async Task RunSlice(RunPlan.Slice slice)
    {
        var (plan, runRequest) = (this.plan!, this.runRequest!);
        var index = state.State.SlicesDone;
        var applied = await Task.WhenAll(slice.ByDyad.Select(batch => Relationship(batch.Key).Apply(index, batch.Value)));
        await Task.WhenAll(slice.ByActor.Select(a => Region(a.Key).Receive(index, a.Value.Count, a.Value.LastDay)));
        var touched = plan.Touched(slice);
        dirtyDyads.UnionWith(touched);
        state.State.OccurrencesApplied += applied.Sum();
        state.State.SlicesDone++;

        // Completing writes every dyad's final state, so the last slice needs no checkpoint of its own.
        var last = state.State.SlicesDone == plan.SliceCount;
        var checkpoint = !last && (runRequest.CheckpointEverySlices > 0
            ? state.State.SlicesDone % runRequest.CheckpointEverySlices == 0
            : clock.GetElapsedTime(sinceCheckpoint) >= runRequest.CheckpointInterval);
        var through = new DateOnly(slice.Year, 12, 31);
        // Between checkpoints dyads only collect impulses; they fold them at a checkpoint or when completing.
        if (checkpoint)
            await StorageBatches.Run(dirtyDyads, key => Relationship(key).EndSlice(index, through, true));
        if (checkpoint)
        {
            sinceCheckpoint = clock.GetTimestamp();
            dirtyDyads.Clear();
            state.State.CheckpointSlices = state.State.SlicesDone;
            state.State.CheckpointOccurrences = state.State.OccurrencesApplied;
            await state.WriteStateAsync();
        }
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
    }

    /// <summary>Ends the run: a completed one collects its series and settles its regions first; tells watchers and the registry.</summary>
    private async Task Finish(RunState end, string? error)
    {
        timer?.Dispose();
        timer = null;
        if (end == RunState.Completed)
        {
            try
            {
                results = await CompleteAll();
                await StorageBatches.Run(plan!.ActorTotals, a => Region(a.Key).Settle(a.Value.Count, a.Value.LastDay));
            }
            catch (Exception ex) when (state.State.Resumes < MaxResumes)
            {
                // A grain lost while completing: back to the checkpoint, as for a failed slice.
                state.State.Resumes++;
                logger.LogWarning(ex, "Run {RunId} failed while completing; resuming from slice {Slice}", RunId, state.State.CheckpointSlices);
                Drive(restore: true, TimeSpan.FromMilliseconds(250 << state.State.Resumes));
                return;
            }
        }
        state.State.State = end;
        state.State.Error = error;
        await state.WriteStateAsync();
        await RecordInRegistry();
        if (await this.GetReminder(RunRevival.ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
        watchers.Clear();
        finished.TrySetResult();
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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

    private Task RestoreAll() => StorageBatches.Run(state.State.DyadKeys, key => Relationship(key).Restore());

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
