using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Utilities;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// One class session (<see cref="IClassSessionGrain"/>). It follows the runs of its variants as their observer (the
/// run pushes its status when it ends) and renews those subscriptions from a grain timer while any run is unfinished,
/// since a subscription lives in the run's activation, which a lost silo takes with it. Every change is written, then
/// pushed to the session's own observers (ObserverManager: subscriptions expire unless renewed).
/// </summary>
[GrainType("classsession")]
public sealed class ClassSessionGrain(
    [PersistentState("class", "relations")] IPersistentState<ClassSessionState> state,
    IGrainFactory grains,
    ILogger<ClassSessionGrain> logger) : Grain, IClassSessionGrain
{
    private static readonly TimeSpan RenewRuns = TimeSpan.FromSeconds(5);

    private readonly ObserverManager<IClassObserver> observers = new(TimeSpan.FromMinutes(1), logger);
    private IGrainTimer? follow;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        FollowUnfinished();
        return Task.CompletedTask;
    }

    public async Task<bool> Open(ClassSessionInfo info)
    {
        if (state.State.Info is not null)
            return false;
        state.State.Info = info;
        await Changed();
        await grains.GetGrain<IClassDirectoryGrain>(AccessKeys.All).Opened(info);
        return true;
    }

    public Task<ClassSessionView?> Get() => Task.FromResult(View());

    public async Task<ClassStudent?> Join(string studentId, string name)
    {
        if (state.State.Info is null || state.State.Closed)
            return null;
        var student = new ClassStudent(studentId, name, DateTimeOffset.UtcNow, 0);
        state.State.Students[studentId] = student;
        await Changed();
        return student;
    }

    public async Task<bool> VariantSaved(string studentId, string variantId)
    {
        if (state.State.Closed || !state.State.Students.ContainsKey(studentId))
            return false;
        if (!state.State.Variants.ContainsKey(variantId))
        {
            state.State.Variants[variantId] = new ClassVariant(variantId, studentId, null, RunState.NotStarted);
            await Changed();
        }
        return true;
    }

    public async Task VariantDeleted(string variantId)
    {
        if (state.State.Variants.Remove(variantId))
            await Changed();
    }

    public async Task<RunRefusal?> TryStartRun(string? studentId, string variantId)
    {
        if (state.State.Info is not { } info)
            return new(RunRefusalKind.NotFound, "There is no such class session.");
        if (state.State.Closed)
            return new(RunRefusalKind.Closed, "This class session is closed; its variants can be read but not run.");
        if (!state.State.Variants.TryGetValue(variantId, out var variant))
            return new(RunRefusalKind.NotFound, $"The variant '{variantId}' is not saved in this class session.");
        if (studentId is null)
            return null;
        if (variant.StudentId != studentId || !state.State.Students.TryGetValue(studentId, out var student))
            return new(RunRefusalKind.NotYours, $"The variant '{variantId}' is another student's.");
        if (student.RunsStarted >= info.RunsPerStudent)
            return new(RunRefusalKind.OverAllowance, $"You have started {student.RunsStarted} runs, as many as your trainer allows in this session; nothing was started.");
        state.State.Students[studentId] = student with { RunsStarted = student.RunsStarted + 1 };
        await Changed();
        return null;
    }

    public async Task RunStarted(string variantId, string runId)
    {
        if (!state.State.Variants.TryGetValue(variantId, out var variant))
            return;
        state.State.Variants[variantId] = variant with { RunId = runId, RunState = RunState.Running };
        await Changed();
        await Watch(runId);
    }

    public async Task BaseRunStarted(string runId)
    {
        state.State.BaseRunId = runId;
        state.State.BaseRunState = RunState.Running;
        await Changed();
        await Watch(runId);
    }

    public async Task Close()
    {
        if (state.State.Info is null || state.State.Closed)
            return;
        state.State.Closed = true;
        await Changed();
        await grains.GetGrain<IClassDirectoryGrain>(AccessKeys.All).Closed(this.GetPrimaryKeyString());
    }

    public Task Subscribe(IClassObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IClassObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>A run of this session pushes its status (after slices too; only its end matters here).</summary>
    public async Task Progress(RunStatus status)
    {
        if (status.State is RunState.Completed or RunState.Failed)
            await Ended(status);
    }

    private async Task Ended(RunStatus status)
    {
        var changed = false;
        if (state.State.BaseRunId == status.RunId && state.State.BaseRunState != status.State)
        {
            state.State.BaseRunState = status.State;
            changed = true;
        }
        foreach (var variant in state.State.Variants.Values.Where(v => v.RunId == status.RunId && v.RunState != status.State).ToList())
        {
            state.State.Variants[variant.VariantId] = variant with { RunState = status.State };
            changed = true;
        }
        if (changed)
            await Changed();
    }

    private async Task Watch(string runId)
    {
        var status = await grains.GetGrain<ISimulationGrain>(runId).Watch(this.AsReference<IClassSessionGrain>());
        if (status.State is RunState.Completed or RunState.Failed)
            await Ended(status);
        else
            FollowUnfinished();
    }

    private IEnumerable<string> Unfinished() =>
        state.State.Variants.Values.Where(v => v.RunState == RunState.Running).Select(v => v.RunId!)
            .Concat(state.State.BaseRunState == RunState.Running && state.State.BaseRunId is { } baseRun ? [baseRun] : []);

    /// <summary>Renews the subscriptions to unfinished runs until none is left (and keeps the session active meanwhile).</summary>
    private void FollowUnfinished()
    {
        if (follow is not null || !Unfinished().Any())
            return;
        follow = this.RegisterGrainTimer(async _ =>
        {
            foreach (var runId in Unfinished().ToList())
            {
                try
                {
                    var status = await grains.GetGrain<ISimulationGrain>(runId).Watch(this.AsReference<IClassSessionGrain>());
                    if (status.State is RunState.Completed or RunState.Failed)
                        await Ended(status);
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException)
                {
                    // The run's silo went away; the next renewal reaches its new activation.
                }
            }
            if (!Unfinished().Any())
            {
                follow?.Dispose();
                follow = null;
            }
        }, new GrainTimerCreationOptions(RenewRuns, RenewRuns) { KeepAlive = true });
    }

    private async Task Changed()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        var version = state.State.Version;
        await observers.Notify(o => o.Changed(version));
    }

    private ClassSessionView? View() => state.State.Info is not { } info ? null : new ClassSessionView(
        info, state.State.Closed, state.State.BaseRunId,
        [.. state.State.Students.Values.OrderBy(s => s.JoinedAt)],
        [.. state.State.Variants.Values.OrderBy(v => v.VariantId, StringComparer.Ordinal)],
        state.State.Version);
}

/// <summary>A class session's stored state.</summary>
[GenerateSerializer, Alias("relations.class-session-state")]
public sealed class ClassSessionState
{
    [Id(0)] public ClassSessionInfo? Info { get; set; }
    [Id(1)] public bool Closed { get; set; }
    [Id(2)] public string? BaseRunId { get; set; }
    [Id(3)] public RunState BaseRunState { get; set; }
    [Id(4)] public Dictionary<string, ClassStudent> Students { get; set; } = new(StringComparer.Ordinal);
    [Id(5)] public Dictionary<string, ClassVariant> Variants { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public long Version { get; set; }
}

/// <summary>The cluster's class sessions (<see cref="IClassDirectoryGrain"/>).</summary>
[GrainType("classdirectory")]
public sealed class ClassDirectoryGrain(
    [PersistentState("classes", "relations")] IPersistentState<ClassDirectoryState> state) : Grain, IClassDirectoryGrain
{
    public Task Opened(ClassSessionInfo info)
    {
        state.State.Sessions[info.Code] = new ClassSessionEntry(info, false);
        return state.WriteStateAsync();
    }

    public Task Closed(string code)
    {
        if (!state.State.Sessions.TryGetValue(code, out var entry))
            return Task.CompletedTask;
        state.State.Sessions[code] = entry with { Closed = true };
        return state.WriteStateAsync();
    }

    public Task<ClassSessionEntry[]> List() =>
        Task.FromResult(state.State.Sessions.Values.OrderByDescending(e => e.Info.OpenedAt).ToArray());
}

/// <summary>The sessions by join code.</summary>
[GenerateSerializer, Alias("relations.class-directory-state")]
public sealed class ClassDirectoryState
{
    [Id(0)] public Dictionary<string, ClassSessionEntry> Sessions { get; set; } = new(StringComparer.Ordinal);
}
