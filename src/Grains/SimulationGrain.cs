using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Utilities;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Telemetry;

namespace Relations.Grains;

/// <summary>
/// One run. Sets up a region grain per actor (province, partner region, locality), each holding the dyads where it is
/// the first actor, then drives the timeline in date order, one time slice (a calendar year) per tick of a grain
/// timer: each actor's grain gets the slice in one message — its count of occurrences, its dyads' batches, the spills
/// of earlier slices for its dyads — and answers its dyads' spills, which the run passes on with the next message to
/// the grain holding the receiving dyad. So a slice costs one call per actor reached, not per dyad or event. Every few
/// slices it checkpoints: the grains changed since the last checkpoint write their dyads' state, then the run writes
/// its position. A completed run keeps its results compactly in its own state (<see cref="RunResults"/>) and deletes
/// what its grains wrote at checkpoints, so a stored run is its request, its status and its results.
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
    [FromKeyedServices("relations")] IGrainStorage storage,
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
    /// <summary>The run's dyads ("A/B") and sample days, from its plan.</summary>
    private string[] dyadKeys = [];
    private DateOnly[] sampleDays = [];
    /// <summary>The region grain of each actor of the plan, by actor index.</summary>
    private IRegionGrain[] regions = [];
    /// <summary>Spills waiting for the next message to the grain holding their dyad, by actor index.</summary>
    private List<(int Dyad, int Slice, SpillBatch Batch)>?[] spillsFor = [];
    /// <summary>The actors whose dyads changed since the last checkpoint (by actor index).</summary>
    private bool[] changed = [];
    /// <summary>The first Start's storing of the request, which a Start sent meanwhile waits for.</summary>
    private Task? starting;
    /// <summary>The request as Start received it (a large scenario stripped to its source), until the first tick rebuilds it.</summary>
    private RunRequest? accepted;
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
        // Start interleaves with everything (a slice in progress included), so a Start sent while the first is still
        // storing the request waits for that one rather than storing and driving the run a second time.
        if (starting is { } first)
        {
            await first;
            return Status();
        }
        if (state.State.State != RunState.NotStarted)
            return Status();
        starting = Accept(started);
        try
        {
            await starting;
        }
        catch
        {
            starting = null;
            throw;
        }
        return Status();
    }

    /// <summary>Stores the request and the running state, and sets the timer going.</summary>
    private async Task Accept(RunRequest started)
    {
        // A client sends a large scenario as its source only (RunRequests.ForWire); the first tick rebuilds it from the
        // stored source, keeping the certainty the client filtered at (model.md rule 8), which travels on the stripped
        // scenario. Start only stores the request: it answers once the run is durably accepted, whatever its size.
        var stripped = started.Source is not null && started.Scenario.Actors.Count == 0 && started.Scenario.Events.Count == 0;
        runRequest = stripped ? null : started;
        request.State = RunRequestState.Of(started);
        await request.WriteStateAsync();
        state.State = new SimulationState
        {
            ScenarioId = started.Scenario.Id,
            State = RunState.Running,
            StartedAt = clock.GetUtcNow(),
            HeldByActors = true,
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new SimulationState();
            throw;
        }
        RelationsMetrics.RunsStarted.Add(1);
        accepted = started;
        // Accepted once stored. The registry is told on the side (a slow registry never holds a run or its Start up),
        // and the work goes on on the timer.
        _ = ListInRegistry();
        Drive(restore: false, TickPause);
    }

    public Task<RunStatus> Resume()
    {
        // Interleaving, like Start: a run being started (its timer not yet set) is left to Start.
        if (state.State.State == RunState.Running && timer is null && starting is not { IsCompleted: false })
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
            return;
        }
        // A run stopped (or failing to tidy up) between keeping its results and the end of its reminder finishes the job.
        await ForgetWorkingState();
        if (await ListInRegistry() && await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
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
        // Built for each asking rather than kept: a completed run holds its results once, compactly.
        if (state.State.Results is { } kept)
            return (kept.SampleDays, kept.Series(CurrentRequest().Scenario.Model, kept.ScoreChunks > 0 ? await ReadScoreChunks(kept) : null));
        // A run kept before runs kept their results: its relationship grains hold its series.
        return (state.State.SampleDays, await StoredSeries(state.State.DyadKeys));
    }

    public Task<RegionSummary?> GetRegion(string actorId)
    {
        if (state.State is not { State: RunState.Completed, Results: { } kept })
            return Task.FromResult<RegionSummary?>(null);
        var scenario = CurrentRequest().Scenario;
        if (!scenario.Actors.Any(a => a.Id == actorId))
            return Task.FromResult<RegionSummary?>(new RegionSummary(null, 0, null));
        var partners = kept.Dyads.Select(key => key.Split('/')).Where(pair => pair.Contains(actorId))
            .Select(pair => pair[0] == actorId ? pair[1] : pair[0]);
        var (occurrences, lastDay) = kept.Reached(actorId);
        return Task.FromResult<RegionSummary?>(new RegionSummary(RegionSetupOf(scenario, new ActorTree(scenario.Actors), actorId, partners), occurrences, lastDay));
    }

    private RunRequest CurrentRequest() => runRequest ??= request.State.ToRequest()
        ?? throw new InvalidOperationException($"run {RunId} has no stored request");

    private IRunRegistryGrain Registry => grains.GetGrain<IRunRegistryGrain>("all");

    /// <summary>Lists the run (or updates its entry) in the registry, remembering the page for the next update; a draw of an ensemble is not listed.</summary>
    private async Task RecordInRegistry()
    {
        if (request.State is { Scenario: null, Source: null } or { Unlisted: true })
            return;
        state.State.RegistryPage = await Registry.Record(Summary(), state.State.RegistryPage);
    }

    /// <summary>
    /// <see cref="RecordInRegistry"/>, but a failure does not fail the run: the list is for people, the run's results do
    /// not depend on it, and the run's end (or its reminder, should that fail too) lists it again.
    /// </summary>
    private async Task<bool> ListInRegistry()
    {
        try
        {
            await RecordInRegistry();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Run {RunId}: the run registry did not take its entry ({Reason}); it is tried again when the run ends", RunId, RunErrors.Plain(ex.Message));
            return false;
        }
    }

    /// <summary>The run's entry in the registry; the title from the request as sent when the run has not rebuilt its scenario yet.</summary>
    private RunSummary Summary() => new(RunId, state.State.ScenarioId ?? "",
        (runRequest ?? accepted ?? (runRequest = request.State.ToRequest()))?.Scenario.Title ?? "", state.State.State, state.State.StartedAt)
    {
        Step = request.State.Step,
        Seed = request.State.Seed,
    };

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
            sampleDays = [.. Sampling.Dates(current.Scenario.Period, current.Step)];
            dyadKeys = plan.DyadKeys;
            regions = [.. plan.ActorIds.Select(Region)];
        }
        if (!state.State.HeldByActors)
        {
            // A run started before actors' grains held its dyads: its relationship grains' checkpoints are not read any
            // more (the end deletes them); it goes again from its start.
            state.State.RelationshipCheckpointsKept = state.State.WorkingStateKept;
            (state.State.CheckpointSlices, state.State.CheckpointOccurrences, state.State.HeldByActors) = (0, 0, true);
        }
        if (!reminderSet)
        {
            // The reminder outlives the cluster: after a whole-cluster stop it wakes the run wherever it is placed then.
            // Set by the first tick rather than Start, so that Start answers without waiting for the reminder service.
            await this.RegisterOrUpdateReminder(RunRevival.ReminderName, RunRevival.Period, RunRevival.Period);
            reminderSet = true;
        }
        // Dyads may hold checkpoints of an earlier activation, which the end of the run must delete.
        if (restoreFirst)
            state.State.WorkingStateKept = true;
        await SetUp(current.Scenario, plan, restoreFirst);
        restoreFirst = false;
        state.State.SlicesDone = state.State.CheckpointSlices;
        state.State.OccurrencesApplied = state.State.CheckpointOccurrences;
        spillsFor = new List<(int, int, SpillBatch)>?[plan.ActorIds.Length];
        changed = new bool[plan.ActorIds.Length];
        sinceCheckpoint = clock.GetTimestamp();
        slices = plan.Slices().Skip(state.State.CheckpointSlices).GetEnumerator();
    }

    private async Task RunSlice(RunPlan.Slice slice)
    {
        var (plan, runRequest) = (this.plan!, this.runRequest!);
        var index = state.State.SlicesDone;
        var calls = new Task<SliceApplied>[slice.Work.Length];
        for (var w = 0; w < calls.Length; w++)
        {
            var work = slice.Work[w];
            var spills = TakeSpills(work.Actor);
            changed[work.Actor] |= work.Dyads.Count > 0 || spills.Count > 0;
            calls[w] = regions[work.Actor].Receive(new ActorSlice(index, slice.Before, work.Occurrences, work.LastDay, [.. work.Dyads], [.. work.Batches], spills));
        }
        var answers = await Task.WhenAll(calls);
        var applied = 0L;
        foreach (var answer in answers)
        {
            applied += answer.Applied;
            for (var i = 0; i < answer.Dyads.Length; i++)
                PassOn(plan, index, answer.Dyads[i], answer.Spills[i]);
        }
        state.State.OccurrencesApplied += applied;
        state.State.SlicesDone++;
        RelationsMetrics.Slices.Add(1);

        // Completing sweeps every dyad to its end, so the last slice needs no checkpoint of its own.
        var last = state.State.SlicesDone == plan.SliceCount;
        var checkpoint = !last && (runRequest.CheckpointEverySlices > 0
            ? state.State.SlicesDone % runRequest.CheckpointEverySlices == 0
            : clock.GetElapsedTime(sinceCheckpoint) >= runRequest.CheckpointInterval);
        if (checkpoint)
        {
            // Said before the grains write, so that whichever activation ends the run knows to delete what they wrote.
            state.State.WorkingStateKept = true;
            var writing = Enumerable.Range(0, changed.Length).Where(a => changed[a]).ToArray();
            await StorageBatches.Run(writing, a => regions[a].Checkpoint(index, slice.Through, TakeSpills(a)));
            Array.Clear(changed);
            sinceCheckpoint = clock.GetTimestamp();
            state.State.CheckpointSlices = state.State.SlicesDone;
            state.State.CheckpointOccurrences = state.State.OccurrencesApplied;
            await state.WriteStateAsync();
        }
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
    }

    /// <summary>Ends the run: a completed one keeps its results with its state; tells watchers, then the registry, then deletes its dyads' checkpoints.</summary>
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
            var kept = RunResults.Of(sampleDays, dyadKeys, await CompleteAll(plan!), plan!.ActorTotals);
            if (kept.Scores.Length > RunResults.ChunkLength)
            {
                // Too many for the run's own entity: the scores go in parts beside it, written before the state that names them.
                // A few at a time, since each part is copied and serialized as it is written.
                var (scores, length) = (kept.Scores, RunResults.ChunkLength);
                var count = (scores.Length + length - 1) / length;
                foreach (var some in Enumerable.Range(0, count).Chunk(ChunksAtOnce))
                    await Task.WhenAll(some.Select(i => WriteScoreChunk(i, scores.AsSpan(i * length, Math.Min(length, scores.Length - i * length)).ToArray())));
                (kept.Scores, kept.ScoreChunks) = ([], count);
            }
            state.State.Results = kept;
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
            state.State.Results = null;
            throw;
        }
        failure = null;
        // The plan and the run's working arrays are not needed once it has ended.
        (plan, slices, regions, spillsFor, changed) = (null, null, [], [], []);
        (end == RunState.Completed ? RelationsMetrics.RunsCompleted : RelationsMetrics.RunsFailed).Add(1);
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
        watchers.Clear();
        finished.TrySetResult();
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The run has ended. What follows is tidying, which the reminder (still set) finishes if this activation cannot.
        var listed = await ListInRegistry();
        try
        {
            await ForgetWorkingState();
            if (listed && await this.GetReminder(RunRevival.ReminderName) is { } reminder)
                await this.UnregisterReminder(reminder);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Run {RunId} ended; deleting its dyads' checkpoints is left to its reminder", RunId);
        }
    }

    /// <summary>Sets every actor's grain up with the dyads it holds; with <paramref name="restore"/>, they reload their dyads' checkpoints.</summary>
    private Task SetUp(Scenario scenario, RunPlan plan, bool restore)
    {
        var layout = plan.Layout;
        var partners = layout.Dyads
            .SelectMany(d => (string[][])[[d.A, d.B], [d.B, d.A]])
            .ToLookup(pair => pair[0], pair => pair[1]);
        // Children looked up once, not by a scan of every actor for each actor (quadratic at 10k actors).
        var children = scenario.Actors.Where(a => a.Parent is not null).ToLookup(a => a.Parent!, a => a.Id, StringComparer.Ordinal);
        // Dyads under the same interruptions share one list of them.
        var spans = new Dictionary<int[], InterruptionSpan[]>(ReferenceEqualityComparer.Instance);
        InterruptionSpan[] SpansOf(int d) => spans.TryGetValue(layout.Applying[d], out var known) ? known
            : spans[layout.Applying[d]] = [.. layout.Applying[d].Select(i => InterruptionSpan.Of(scenario.Interruptions[i], scenario.Model))];
        var setups = scenario.Actors.Select((actor, a) => (a, RegionSetupOf(actor, plan.Actors, children[actor.Id], partners[actor.Id]),
            new HeldDyads(scenario.Model, sampleDays, [.. plan.Held[a].Select(d => new HeldDyadSetup(d, layout.Dyads[d].A, layout.Dyads[d].B, SpansOf(d),
                layout.Parent[d] >= 0 || layout.Children[d].Length > 0))]))).ToArray();
        // Restoring reads storage: a bounded number at a time.
        return restore
            ? StorageBatches.Run(setups, one => regions[one.a].Setup(one.Item2, one.Item3, restore: true))
            : Task.WhenAll(setups.Select(one => regions[one.a].Setup(one.Item2, one.Item3, restore: false)));
    }

    /// <summary>The spills waiting for actor <paramref name="actor"/>'s dyads, taken for its next message.</summary>
    private SpillDelivery TakeSpills(int actor)
    {
        if (spillsFor[actor] is not { } waiting)
            return SpillDelivery.None;
        spillsFor[actor] = null;
        return new SpillDelivery([.. waiting.Select(w => w.Dyad)], [.. waiting.Select(w => w.Slice)], [.. waiting.Select(w => w.Batch)]);
    }

    /// <summary>Queues a dyad's spills of slice <paramref name="slice"/> for its parent dyad (σ↑) and its child dyads (σ↓), rule 4.</summary>
    private void PassOn(RunPlan plan, int slice, int dyad, Spilled spilled)
    {
        var layout = plan.Layout;
        if (layout.Parent[dyad] is var parent and >= 0)
            Queue(plan, parent, slice, new SpillBatch(spilled.Days, spilled.Up) { Levels = spilled.Levels });
        if (layout.Children[dyad].Length > 0)
        {
            var down = new SpillBatch(spilled.Days, spilled.Down) { Levels = spilled.Levels };
            foreach (var child in layout.Children[dyad])
                Queue(plan, child, slice, down);
        }
    }

    private void Queue(RunPlan plan, int dyad, int slice, SpillBatch batch)
    {
        var holder = plan.HolderOf[dyad];
        (spillsFor[holder] ??= []).Add((dyad, slice, batch));
        changed[holder] = true;
    }

    private RegionSetup RegionSetupOf(Actor actor, ActorTree actors, IEnumerable<string> children, IEnumerable<string> partners) =>
        new(RunId, actor.Id, actor.DisplayName, actor.Kind, actors.CountryOf(actor.Id), actor.Parent, [.. children], [.. partners]);

    private RegionSetup RegionSetupOf(Scenario scenario, ActorTree actors, string actorId, IEnumerable<string> partners) =>
        RegionSetupOf(scenario.ActorById(actorId), actors, scenario.Actors.Where(a => a.Parent == actorId).Select(a => a.Id), partners);

    /// <summary>
    /// Asks every actor's grain for its dyads' parts at the end, passing the last spills, a bounded number at a time, so
    /// a large run's sweeps do not all hold memory at once; answers them by dyad index.
    /// </summary>
    private async Task<DyadParts[]> CompleteAll(RunPlan plan)
    {
        var parts = new DyadParts[plan.DyadKeys.Length];
        var holders = Enumerable.Range(0, plan.ActorIds.Length).Where(a => plan.Held[a].Length > 0);
        foreach (var chunk in holders.Chunk(512))
        {
            foreach (var answer in await Task.WhenAll(chunk.Select(a => regions[a].Complete(TakeSpills(a)))))
            {
                foreach (var dyad in answer)
                    parts[dyad.Dyad] = dyad;
            }
        }
        if (Array.IndexOf(parts, null) is var missing and >= 0)
            throw new GrainNotReadyException($"run {RunId}: dyad {dyadKeys[missing]} was not answered");
        return parts;
    }

    /// <summary>Of a run kept before runs kept their results: its dyads' series, as their relationship grains wrote them.</summary>
    private async Task<DyadSeriesData[]> StoredSeries(string[] keys)
    {
        var series = new List<DyadSeriesData>(keys.Length);
        foreach (var chunk in keys.Chunk(512))
            series.AddRange(await Task.WhenAll(chunk.Select(key => Relationship(key).Complete())));
        return [.. series];
    }

    /// <summary>
    /// Once a run has ended (a completed one keeping its results): deletes what its dyads wrote at checkpoints, working
    /// state that nothing reads any more, then says so in its state.
    /// </summary>
    private async Task ForgetWorkingState()
    {
        if (state.State is not { State: RunState.Completed or RunState.Failed, WorkingStateKept: true })
            return;
        var keys = dyadKeys.Length > 0 ? dyadKeys : state.State.Results?.Dyads ?? [];
        var held = keys.Select(key => key.Split('/')).GroupBy(pair => pair[0], pair => pair[1]);
        await StorageBatches.Run(held, actor => Region(actor.Key).Forget([.. actor]));
        if (state.State.RelationshipCheckpointsKept)
        {
            await StorageBatches.Run(keys, key => Relationship(key).Forget());
            state.State.RelationshipCheckpointsKept = false;
        }
        state.State.WorkingStateKept = false;
        await state.WriteStateAsync();
    }

    private StateStorageBridge<ScoreChunk> ScoreChunkState(int index) => new($"scores-{index}", GrainContext, storage);

    private async Task WriteScoreChunk(int index, double[] scores)
    {
        // Read first: a completion tried before may have written this part (a write is conditional on the stored version).
        var chunk = ScoreChunkState(index);
        await chunk.ReadStateAsync();
        chunk.State = new ScoreChunk { Scores = scores };
        await chunk.WriteStateAsync();
    }

    /// <summary>How many parts of a large run's results are read or written at once.</summary>
    private const int ChunksAtOnce = 8;

    private async Task<double[]> ReadScoreChunks(RunResults kept)
    {
        var scores = new double[kept.Dyads.Length * kept.SampleDays.Length * (1 + (kept.HasInferred ? 1 : 0) + (kept.HasAssumed ? 1 : 0))];
        foreach (var some in Enumerable.Range(0, kept.ScoreChunks).Chunk(ChunksAtOnce))
        {
            await Task.WhenAll(some.Select(async i =>
            {
                var chunk = ScoreChunkState(i);
                await chunk.ReadStateAsync();
                var part = chunk.State?.Scores ?? throw new InvalidOperationException($"run {RunId} is missing part {i} of its results");
                part.CopyTo(scores, i * RunResults.ChunkLength);
            }));
        }
        return scores;
    }

    private IRelationshipGrain Relationship(string dyadKey) => grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(RunId, dyadKey));

    private IRegionGrain Region(string actorId) => grains.GetGrain<IRegionGrain>(GrainKeys.Region(RunId, actorId));
}
