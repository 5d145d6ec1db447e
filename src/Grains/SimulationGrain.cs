using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Telemetry;

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
// Kept alive by its timer while it runs; once finished, an idle run goes after minutes, not the default 15.
[CollectionAgeLimit(Minutes = 2)]
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
    /// <summary>The sentence a failed run ends with, kept from the failure until storage takes the failed state.</summary>
    private string? failure;
    /// <summary>Since when storage has not answered, while the run waits for it; null while it answers.</summary>
    private DateTimeOffset? outageSince;
    private int outageAttempts;

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
        // A client sends a large scenario as its source only (RunRequests.ForWire); it is rebuilt here.
        started = started.FromWire();
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
        RelationsMetrics.RunsStarted.Add(1);
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
        state.State.OccurrencesApplied, state.State.Error, state.State.ScenarioId)
    {
        Resumes = state.State.Resumes,
        Waiting = outageSince is { } since
            ? $"Storage has not answered since {since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; the run waits for it and goes on by itself."
            : null,
    };

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
            if (failure is not null)
            {
                await Finish(RunState.Failed, failure);
                return;
            }
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
            EndOutage();
        }
        catch (Exception ex) when (state.State.State == RunState.Running)
        {
            await Recover(ex);
        }
    }

    /// <summary>
    /// After a failed tick. When storage does not answer, the run waits for it — retrying after pauses that grow to
    /// <see cref="LongestStorageWait"/>, logging once per outage — and spends none of its resumes. Otherwise it goes
    /// back to the checkpoint (always safe: applying is idempotent per slice) a few times, after a pause that lets the
    /// cluster notice a dead silo, and a failure that repeats ends the run with a plain sentence; the log keeps the detail.
    /// </summary>
    private async Task Recover(Exception ex)
    {
        // A failed run whose ending storage does not take waits like a run whose storage does not answer.
        if (!await StorageAnswersAsync() || failure is not null)
        {
            if (outageSince is null)
            {
                outageSince = clock.GetUtcNow();
                RelationsMetrics.StorageWaits.Add(1);
                // The detail once per outage; the attempts that follow are not logged.
                logger.LogWarning(ex, "Run {RunId}: storage does not answer ({Reason}); the run waits for it, retrying up to every {Wait}",
                    RunId, RunErrors.Plain(ex.Message), LongestStorageWait);
            }
            outageAttempts++;
            Drive(restore: true, TimeSpan.FromMilliseconds(Math.Min(LongestStorageWait.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(outageAttempts, 16)))));
            return;
        }
        EndOutage();
        if (state.State.Resumes < MaxResumes)
        {
            state.State.Resumes++;
            logger.LogWarning(ex, "Run {RunId} failed part-way; resuming from slice {Slice}", RunId, state.State.CheckpointSlices);
            Drive(restore: true, TimeSpan.FromMilliseconds(250 << state.State.Resumes));
            return;
        }
        logger.LogWarning(ex, "Run {RunId} failed", RunId);
        failure = RunErrors.Plain(ex.Message);
        Drive(restore: false, TimeSpan.Zero);
    }

    /// <summary>The longest pause between two tries while storage does not answer.</summary>
    private static readonly TimeSpan LongestStorageWait = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether storage answers: the run's own state is read back, which refreshes its ETag and puts the run at its
    /// durable checkpoint — the one it wrote last, or an earlier one if storage lost writes (an emulator killed before
    /// it saved them: its snapshot still has every dyad at or past that checkpoint, since dyads are written first).
    /// </summary>
    private async Task<bool> StorageAnswersAsync()
    {
        try
        {
            var known = state.State;
            await state.ReadStateAsync();
            var stored = state.State;
            var running = stored.State == RunState.Running;
            known.CheckpointSlices = running ? Math.Min(stored.CheckpointSlices, known.CheckpointSlices) : 0;
            known.CheckpointOccurrences = running ? Math.Min(stored.CheckpointOccurrences, known.CheckpointOccurrences) : 0;
            state.State = known;
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Ends an outage, if there was one: logs and measures how long it lasted.</summary>
    private void EndOutage()
    {
        if (outageSince is { } since)
        {
            var lasted = clock.GetUtcNow() - since;
            RelationsMetrics.StorageWaitDuration.Record(lasted.TotalSeconds);
            logger.LogWarning("Run {RunId}: storage answers again after {Duration:g}; the run goes on from slice {Slice}",
                RunId, lasted, state.State.CheckpointSlices);
        }
        outageSince = null;
        outageAttempts = 0;
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
        RelationsMetrics.Slices.Add(1);

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
        // A failed run's sentence is kept until it is stored; a completed run that cannot be stored goes back to the
        // checkpoint like any failed tick, since the grains holding its results may be the reason.
        failure = end == RunState.Failed ? error : null;
        timer?.Dispose();
        timer = null;
        if (end == RunState.Completed)
        {
            // A grain lost while completing fails this tick; the run goes back to the checkpoint, as for a failed slice.
            results = await CompleteAll();
            await StorageBatches.Run(plan!.ActorTotals, a => Region(a.Key).Settle(a.Value.Count, a.Value.LastDay));
        }
        state.State.State = end;
        state.State.Error = error;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not ended until it is stored: the next tick tries to store the ending again.
            state.State.State = RunState.Running;
            state.State.Error = null;
            throw;
        }
        failure = null;
        (end == RunState.Completed ? RelationsMetrics.RunsCompleted : RelationsMetrics.RunsFailed).Add(1);
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
