using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Relations.Grains.Interfaces;
using Relations.Model.Telemetry;

namespace Relations.Grains;

/// <summary>
/// One Monte-Carlo ensemble (<see cref="IEnsembleGrain"/>). Its request is written once, its progress as draws
/// complete. Every draw is a run of its own, so it is durable as runs are; the ensemble only has to know which
/// draws to start. A run that is already started or done answers Start with its status, so after a silo loss
/// the new activation simply goes through all draws again: finished ones return at once, unfinished ones resume
/// from their checkpoints, missing ones start. Orleans keeps it going: the draws are driven from a grain timer, which
/// also keeps the activation alive while they run, and a reminder wakes an unfinished ensemble after a
/// whole-cluster stop.
/// </summary>
[GrainType("relations-ensemble")]
public sealed class EnsembleGrain(
    [PersistentState("ensemble", "relations")] IPersistentState<EnsembleState> state,
    [PersistentState("ensemble-request", "relations")] IPersistentState<RunRequestState> request,
    IGrainFactory grains,
    ILogger<EnsembleGrain> logger) : Grain, IEnsembleGrain, IRemindable
{
    private TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IGrainTimer? timer;
    private bool writing;

    private string EnsembleId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An ensemble found unfinished on activation lost its silo or its cluster: it goes on with its draws.
        if (state.State.State == RunState.Running)
            Keep();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activating this grain already set the draws going again (OnActivateAsync); a finished ensemble drops its reminder.
        if (state.State.State == RunState.Running)
            Keep();
        else if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// Drives the draws from a grain timer: its first tick sets the revival reminder and goes through the draws; the
    /// timer keeps the activation alive meanwhile (KeepAlive) and lets calls in while it works (Interleave).
    /// </summary>
    private void Keep() =>
        timer ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.Zero, RunRevival.Period) { KeepAlive = true, Interleave = true });

    private async Task Tick(CancellationToken cancellation)
    {
        if (state.State.State != RunState.Running)
            return;
        await this.RegisterOrUpdateReminder(RunRevival.ReminderName, RunRevival.Period, RunRevival.Period);
        await Drive();
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(RunRevival.ReminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public async Task<EnsembleStatus> Start(EnsembleRequest started)
    {
        if (state.State.State != RunState.NotStarted)
            return Status();
        if (started.Run.Seed is null || started.Draws < 1)
            throw new ArgumentException("an ensemble needs a seed and at least one draw", nameof(started));
        request.State = RunRequestState.Of(started.Run);
        await request.WriteStateAsync();
        state.State = new EnsembleState
        {
            State = RunState.Running,
            Draws = started.Draws,
            Concurrency = Math.Max(1, started.Concurrency),
            Seed = started.Run.Seed.Value,
        };
        await state.WriteStateAsync();
        Keep();
        return Status();
    }

    public Task<EnsembleStatus> GetStatus() => Task.FromResult(Status());

    public async Task<EnsembleStatus> WaitForCompletion(TimeSpan timeout)
    {
        if (state.State.State is RunState.Running)
            await Task.WhenAny(finished.Task, Task.Delay(timeout));
        return Status();
    }

    private EnsembleStatus Status() => new(EnsembleId, state.State.State, state.State.DrawsDone, state.State.Draws, state.State.Error);

    private async Task Drive()
    {
        try
        {
            var run = request.State.ToRequest() ?? throw new InvalidOperationException($"ensemble {EnsembleId} has no stored request");
            state.State.DrawsDone = 0;
            // All on this activation's scheduler: the counter and the state need no locks.
            using var gate = new SemaphoreSlim(state.State.Concurrency);
            await Task.WhenAll(Enumerable.Range(0, state.State.Draws).Select(async draw =>
            {
                await gate.WaitAsync();
                try
                {
                    await RunDraw(draw, run with { Seed = state.State.Seed + draw, Unlisted = true });
                }
                finally
                {
                    gate.Release();
                }
                state.State.DrawsDone++;
                await WriteProgress();
            }));
            state.State.State = RunState.Completed;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Ensemble {EnsembleId} failed", EnsembleId);
            state.State.State = RunState.Failed;
            state.State.Error = ex.Message;
        }
        await state.WriteStateAsync();
        finished.TrySetResult();
        finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Starts draw <paramref name="draw"/> (or finds it started) and waits for its end; a failed draw fails the
    /// ensemble. A call lost with a silo is tried again by the one policy (<see cref="GrainCallPolicy"/>): the run goes
    /// on from its checkpoint wherever it is activated.
    /// </summary>
    private async Task RunDraw(int draw, RunRequest drawRequest)
    {
        var simulation = grains.GetGrain<ISimulationGrain>(EnsembleKeys.Draw(EnsembleId, draw));
        var status = await GrainCallPolicy.Shared.CallAsync(() => simulation.Start(drawRequest));
        while (status.State == RunState.Running)
            status = await GrainCallPolicy.Shared.CallAsync(() => simulation.WaitForCompletion(TimeSpan.FromSeconds(5)));
        if (status.State == RunState.Failed)
            throw new InvalidOperationException($"draw {draw} ({status.RunId}) failed: {status.Error}");
        RelationsMetrics.Draws.Add(1);
    }

    /// <summary>Writes progress about every 5 %, one write at a time (draws complete concurrently).</summary>
    private async Task WriteProgress()
    {
        if (writing || state.State.DrawsDone % Math.Max(1, state.State.Draws / 20) != 0)
            return;
        writing = true;
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            writing = false;
        }
    }
}

/// <summary>An ensemble's progress; its request is kept apart (<see cref="RunRequestState"/>), written once.</summary>
[GenerateSerializer, Alias("relations.ensemble-state")]
public sealed class EnsembleState
{
    [Id(0)] public RunState State { get; set; }
    [Id(1)] public int Draws { get; set; }
    [Id(2)] public int DrawsDone { get; set; }
    [Id(3)] public int Concurrency { get; set; }
    [Id(4)] public int Seed { get; set; }
    [Id(5)] public string? Error { get; set; }
}
