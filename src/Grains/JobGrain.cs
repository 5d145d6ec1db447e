using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One ensemble or sweep (<see cref="IJobGrain"/>). Its request is written once, its state when it starts and when it
/// ends; in between it hands batches of its units to the workers of every silo (<see cref="WorkerPool"/>), a window of
/// them at a time, folds the answers in unit order as they come (<see cref="JobFold"/>) — so the outcome has the bits of
/// one thread's whatever the cluster does — and drops each draw once folded. The outcome is stored in parts
/// (<see cref="IJobResultGrain"/>) before the job says it is completed.
/// Nothing is kept part-way: a job whose activation is lost (its silo died, or the cluster stopped) starts its units
/// again where it is activated next — the draws being pure functions of the scenario and their seeds, the numbers
/// cannot change, and redoing a few seconds of draws costs less than checkpointing every draw's strengths. Orleans
/// keeps it going: the units are driven from a grain timer (KeepAlive, Interleave), and a reminder wakes an unfinished
/// job after a whole-cluster stop.
/// </summary>
[GrainType("job")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class JobGrain(
    [PersistentState("job", "relations")] IPersistentState<JobGrainState> state,
    IGrainFactory grains,
    IClusterMembershipService membership,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    /// <summary>The most numbers a job's outcome may hold (256 MB): a larger request is refused when it starts.</summary>
    public const long MaxValues = 32_000_000;

    /// <summary>The least time between two progress pushes.</summary>
    private static readonly TimeSpan PushEvery = TimeSpan.FromMilliseconds(200);

    private readonly ObserverManager<IJobObserver> watchers = new(TimeSpan.FromMinutes(1), logger);
    private TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JobRequest? request;
    private IGrainTimer? timer;
    /// <summary>The revival reminder's registration, under way while the first batches are evaluated.</summary>
    private Task reminding = Task.CompletedTask;
    private bool cancelAsked;
    private int done;
    /// <summary>While the end is being stored and announced: the job still reports running, so that whoever sees it ended finds it all done.</summary>
    private bool ending;
    private readonly HashSet<string> silosSeen = new(StringComparer.Ordinal);
    private long paceSince;
    private long pushedAt;

    private string JobId => this.GetPrimaryKeyString();

    /// <summary>Whether this grain's silo is no longer an active member: it is stopping, and places no grain anywhere.</summary>
    private bool SiloLeaving => GrainContext.Address.SiloAddress is not { } silo || membership.CurrentSnapshot.GetSiloStatus(silo) != SiloStatus.Active;

    private IJobRegistryGrain Registry => grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry);

    /// <summary>The job's request, kept by a grain of its own, which the workers read too.</summary>
    private IJobRequestGrain Stored => grains.GetGrain<IJobRequestGrain>(JobId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A job found unfinished on activation lost its silo or its cluster: it goes through its units again.
        if (state.State.State == JobState.Running)
            Keep();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activating this grain already set the units going again (OnActivateAsync); a finished job drops its reminder.
        if (state.State.State == JobState.Running)
            Keep();
        else if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public async Task<JobStatus> Start(JobRequest started)
    {
        if (state.State.State != JobState.NotStarted)
            return Status();
        started = started with { Run = started.Run.FromWire() };
        JobPlan plan;
        try
        {
            plan = started.Plan();
        }
        catch (Exception ex) when (ex is FormatException or ScenarioException or ArgumentException)
        {
            throw new ArgumentException(ex is ScenarioException bad ? string.Join("; ", bad.Problems.Select(p => p.Message)) : ex.Message);
        }
        if (JobOutcomeValues.Count(plan) > MaxValues)
            throw new ArgumentException($"this job's result would hold {JobOutcomeValues.Count(plan):N0} numbers, more than the {MaxValues:N0} a job may keep; ask for fewer combinations");
        request = started;
        await Stored.Put(started);
        state.State = new JobGrainState
        {
            Kind = started.Kind,
            State = JobState.Running,
            ScenarioId = started.Run.Scenario.Id,
            Title = started.Run.Scenario.Title,
            StartedAt = clock.GetUtcNow(),
            Total = plan.Total,
            Draws = started.Draws,
            Cells = plan.CellCount,
            FromRun = started.FromRun,
        };
        await state.WriteStateAsync();
        await Registry.Record(Status().Summary());
        Keep();
        return Status();
    }

    public Task<JobStatus> GetStatus() => Task.FromResult(Status());

    public async Task<JobRequest?> GetRequest() => request ??= await Stored.Get();

    public Task<JobStatus> Watch(IJobObserver observer)
    {
        if (state.State.State == JobState.Running || ending)
            watchers.Subscribe(observer, observer);
        return Task.FromResult(Status());
    }

    public async Task<JobStatus> WaitForCompletion(TimeSpan timeout)
    {
        if (state.State.State == JobState.Running || ending)
            await Task.WhenAny(finished.Task, Task.Delay(timeout));
        return Status();
    }

    public async Task<JobStatus> Cancel()
    {
        if (state.State.State != JobState.Running)
            return Status();
        cancelAsked = true;
        Keep();
        // The drive notices at its next batch; a few seconds at most.
        await Task.WhenAny(finished.Task, Task.Delay(TimeSpan.FromSeconds(10)));
        return Status();
    }

    /// <summary>
    /// Drives the units from a grain timer: its first tick sets the revival reminder and goes through the units; the
    /// timer keeps the activation alive meanwhile (KeepAlive) and lets calls in while it works (Interleave). A tick
    /// that could not store the job's end leaves the timer on: the next tick, a period later, tries the job again.
    /// </summary>
    private void Keep() =>
        timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, RunRevival.Period) { KeepAlive = true, Interleave = true });

    private async Task Tick(CancellationToken cancellation)
    {
        if (state.State.State == JobState.Running)
        {
            // The reminder is set while the units go out: the job's first batches need not wait for the reminder table.
            reminding = this.RegisterOrUpdateReminder(RunRevival.ReminderName, RunRevival.Period, RunRevival.Period);
            await Drive(cancellation);
            await reminding;
        }
        if (state.State.State == JobState.Running)
            return;
        timer?.Dispose();
        timer = null;
    }

    /// <summary>
    /// Goes through the units and ends the job — unless <paramref name="cancellation"/> (the timer's, cancelled when
    /// the activation goes away) or its silo's stop interrupts it: then the job stays running, to start again where it
    /// is activated next.
    /// </summary>
    private async Task Drive(CancellationToken cancellation)
    {
        JobState end;
        string? error = null;
        var parts = 0;
        try
        {
            request ??= await Stored.Get() ?? throw new InvalidOperationException($"job {JobId} has no stored request");
            var plan = request.Plan();
            if (await Evaluate(plan, cancellation) is { } outcome)
            {
                parts = await Store(plan, outcome);
                end = JobState.Completed;
            }
            else
            {
                end = JobState.Cancelled;
            }
        }
        catch (Exception) when (cancellation.IsCancellationRequested || SiloLeaving)
        {
            // The activation or its silo is going away (a dashboard or silo stopped part-way): the units it could not
            // reach failed for that, not for the job, which stays running to start again where it is activated next.
            return;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {JobId} failed", JobId);
            (end, error) = (JobState.Failed, JobErrors.Sentence(ex));
        }
        await End(end, error, parts);
    }

    /// <summary>
    /// Hands the plan's batches to the pool, at most a window of them ahead of the fold (so memory holds a window of
    /// draws however many there are), and folds each batch as soon as every batch before it is folded. A batch lost
    /// with its silo is sent again (<see cref="WorkerPool.Send"/>). Null when the job was cancelled.
    /// </summary>
    private async Task<JobOutcome?> Evaluate(JobPlan plan, CancellationToken cancellation)
    {
        var pool = new WorkerPool(JobId, grains, membership);
        var batches = plan.Batches(pool.Capacity);
        var window = Math.Max(4, 2 * pool.Capacity);
        var fold = new JobFold(plan);
        var ready = new Dictionary<int, UnitBatchResult>();
        var sent = new Dictionary<Task<UnitBatchResult>, (int Batch, SiloAddress Silo)>();
        var (next, toFold) = (0, 0);
        (done, paceSince) = (0, clock.GetTimestamp());
        silosSeen.Clear();
        while (toFold < batches.Count)
        {
            if (cancelAsked)
                return null;
            cancellation.ThrowIfCancellationRequested();
            while (next < batches.Count && next - toFold < window && (pool.Free() ?? (sent.Count == 0 ? pool.Any() : null)) is { } silo)
            {
                sent[pool.Send(Batch(next), silo)] = (next, silo);
                next++;
            }
            var answered = await Task.WhenAny(sent.Keys);
            var (index, from) = sent[answered];
            sent.Remove(answered);
            var result = await answered;
            pool.Returned(from, result.Cores);
            silosSeen.Add(result.Silo);
            ready[index] = result;
            while (ready.Remove(toFold, out var answer))
            {
                Fold(fold, answer, plan.Values);
                toFold++;
            }
            done = fold.Folded;
            await Push();
        }
        return fold.Outcome();

        UnitBatch Batch(int index) => new(JobId, batches[index].First, batches[index].Count);
    }

    private static void Fold(JobFold fold, UnitBatchResult result, int values)
    {
        if (result.First != fold.Folded || !result.Holds(values))
            throw new InvalidOperationException($"a worker answered units {result.First}+{result.Count} in a form the job did not ask for");
        var (scores, strengths) = UnitBatchResult.PiecesOf(values) == 1 ? ([], []) : (new double[values], new double[values]);
        for (var unit = 0; unit < result.Count; unit++)
            fold.Add(result.Half(2 * unit, values, scores), result.Half(2 * unit + 1, values, strengths));
        PieceBuffers.Give(result);
    }


    /// <summary>Stores the outcome in parts of <see cref="JobKeys.PartValues"/> numbers; answers how many.</summary>
    private async Task<int> Store(JobPlan plan, JobOutcome outcome)
    {
        var values = JobOutcomeValues.Flatten(plan, outcome);
        var parts = (values.Length + JobKeys.PartValues - 1) / JobKeys.PartValues;
        await StorageBatches.Run(Enumerable.Range(0, parts), part =>
        {
            var slice = values.AsSpan(part * JobKeys.PartValues, Math.Min(JobKeys.PartValues, values.Length - part * JobKeys.PartValues));
            return grains.GetGrain<IJobResultGrain>(JobKeys.ResultPart(JobId, part)).Put(MemoryMarshal.AsBytes(slice).ToArray());
        });
        return parts;
    }

    /// <summary>Ends the job: stores its end (or, when storage does not take it, stays running for the next tick), lists it, tells watchers.</summary>
    private async Task End(JobState end, string? error, int parts)
    {
        ending = true;
        bool stored;
        try
        {
            stored = await Ending(end, error, parts);
        }
        finally
        {
            ending = false;
        }
        if (!stored)
            return;
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
        watchers.Clear();
        finished.TrySetResult();
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Stores the end, drops the reminder and lists the job; false when storage did not take the end.</summary>
    private async Task<bool> Ending(JobState end, string? error, int parts)
    {
        (state.State.State, state.State.Error, state.State.Parts, state.State.Done, state.State.EndedAt) = (end, error, parts, done, clock.GetUtcNow());
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {JobId}: its end could not be stored; it goes on", JobId);
            (state.State.State, state.State.Error, state.State.EndedAt) = (JobState.Running, null, null);
            return false;
        }
        cancelAsked = false;
        try
        {
            await Task.WhenAll(Unremind(), Registry.Record((Status() with { State = end }).Summary()));
        }
        catch (Exception ex)
        {
            // The job's own state is stored; the list shows it as it was (and its reminder, a no-op, fires) until a later record.
            logger.LogWarning(ex, "Job {JobId}: the job registry or the reminders did not take its end", JobId);
        }
        return true;
    }

    /// <summary>Drops the revival reminder, once its registration (if still under way) is done.</summary>
    private async Task Unremind()
    {
        await reminding;
        if (await this.GetReminder(RunRevival.ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>Pushes the progress to watchers, at most every <see cref="PushEvery"/>.</summary>
    private async Task Push()
    {
        if (watchers.Count == 0 || clock.GetElapsedTime(pushedAt) < PushEvery)
            return;
        pushedAt = clock.GetTimestamp();
        var status = Status();
        await watchers.Notify(w => w.Progress(status));
    }

    private JobStatus Status()
    {
        var s = state.State;
        var running = s.State == JobState.Running || ending;
        return new JobStatus(JobId, s.Kind, running ? JobState.Running : s.State, running ? done : s.Done, s.Total, running ? null : s.Error)
        {
            StartedAt = s.StartedAt,
            EndedAt = s.EndedAt,
            TimeLeft = running && done > 0 ? clock.GetElapsedTime(paceSince) * ((double)(s.Total - done) / done) : null,
            ScenarioId = s.ScenarioId,
            Title = s.Title,
            Draws = s.Draws,
            Cells = s.Cells,
            Parts = s.Parts,
            FromRun = s.FromRun,
            Silos = silosSeen.Count,
        };
    }
}
