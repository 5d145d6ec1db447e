using Orleans.Concurrency;

namespace Relations.Grains.Interfaces;

/// <summary>
/// One class session (key: its join code), HubNet-like: a trainer opens it on an exercise, students join with the
/// code and a display name, and each student's variants and their runs are recorded here. The session follows its
/// runs as their observer and tells its own observers (the trainers' class boards) whenever one ends. Closing stops
/// joins, saves and runs; what was recorded stays readable.
/// </summary>
[Alias("relations.IClassSessionGrain")]
public interface IClassSessionGrain : IGrainWithStringKey, IRunObserver
{
    /// <summary>Opens the session; false when this code is already in use (nothing changed).</summary>
    [Alias("Open")]
    Task<bool> Open(ClassSessionInfo info);

    /// <summary>The session as it stands; null when no session was opened with this code.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ClassSessionView?> Get();

    /// <summary>Adds a student; null when the session is not open.</summary>
    [Alias("Join")]
    Task<ClassStudent?> Join(string studentId, string name);

    /// <summary>Records a student's saved variant; false when the session is closed or the student is not in it.</summary>
    [Alias("VariantSaved")]
    Task<bool> VariantSaved(string studentId, string variantId);

    [Alias("VariantDeleted")]
    Task VariantDeleted(string variantId);

    /// <summary>
    /// Counts a run a student asks for against the trainer's allowance (the trainer's own runs are not counted):
    /// answers why it may not start, or null when it may (and it is counted).
    /// </summary>
    [Alias("TryStartRun")]
    Task<RunRefusal?> TryStartRun(string? studentId, string variantId);

    /// <summary>Records the run of a variant and follows it until it ends.</summary>
    [Alias("RunStarted")]
    Task RunStarted(string variantId, string runId);

    /// <summary>Records the exercise's base run, which the class board overlays the variants on.</summary>
    [Alias("BaseRunStarted")]
    Task BaseRunStarted(string runId);

    [Alias("Close")]
    Task Close();

    /// <summary>Subscribes a watcher (a class board) to every change; renew within a minute (ObserverManager expiry).</summary>
    [Alias("Subscribe")]
    Task Subscribe(IClassObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IClassObserver observer);
}

/// <summary>Why a session refuses a run: what kind of refusal, and a sentence for the student.</summary>
[GenerateSerializer, Immutable, Alias("relations.run-refusal")]
public sealed record RunRefusal(
    [property: Id(0)] RunRefusalKind Kind,
    [property: Id(1)] string Message);

[GenerateSerializer]
public enum RunRefusalKind
{
    /// <summary>No such session, or the variant is not saved in it.</summary>
    NotFound,
    /// <summary>The variant is another student's.</summary>
    NotYours,
    /// <summary>The session is closed.</summary>
    Closed,
    /// <summary>The student has started as many runs as the trainer allows.</summary>
    OverAllowance,
}

/// <summary>A watcher of a class session: pushed the session's version whenever something in it changes.</summary>
[Alias("relations.IClassObserver")]
public interface IClassObserver : IGrainObserver
{
    [Alias("Changed"), OneWay]
    Task Changed(long version);
}

/// <summary>
/// What a trainer opens a session with: the join code, the exercise (a base scenario and a question, optionally the
/// relationship <c>A~B</c> and the day it is about), the trainer, and how many runs each student may start.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.class-session-info")]
public sealed record ClassSessionInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string BaseId,
    [property: Id(2)] string Question,
    [property: Id(3)] string? Dyad,
    [property: Id(4)] DateOnly? Day,
    [property: Id(5)] string Trainer,
    [property: Id(6)] string TrainerName,
    [property: Id(7)] int RunsPerStudent,
    [property: Id(8)] DateTimeOffset OpenedAt);

/// <summary>A student of a session: the id of their join cookie, the name they gave, and how many runs they started.</summary>
[GenerateSerializer, Immutable, Alias("relations.class-student")]
public sealed record ClassStudent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] int RunsStarted);

/// <summary>A student's variant in a session and its latest run (null before it is run) with that run's state.</summary>
[GenerateSerializer, Immutable, Alias("relations.class-variant")]
public sealed record ClassVariant(
    [property: Id(0)] string VariantId,
    [property: Id(1)] string StudentId,
    [property: Id(2)] string? RunId,
    [property: Id(3)] RunState RunState);

/// <summary>A session as it stands; <see cref="Version"/> grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("relations.class-session-view")]
public sealed record ClassSessionView(
    [property: Id(0)] ClassSessionInfo Info,
    [property: Id(1)] bool Closed,
    [property: Id(2)] string? BaseRunId,
    [property: Id(3)] ClassStudent[] Students,
    [property: Id(4)] ClassVariant[] Variants,
    [property: Id(5)] long Version);

/// <summary>
/// The sessions of a cluster (key <see cref="AccessKeys.All"/>), so a trainer finds theirs and an operator all of them.
/// </summary>
[Alias("relations.IClassDirectoryGrain")]
public interface IClassDirectoryGrain : IGrainWithStringKey
{
    [Alias("Opened")]
    Task Opened(ClassSessionInfo info);

    [Alias("Closed")]
    Task Closed(string code);

    /// <summary>Every session, newest first, with whether it is closed.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<ClassSessionEntry[]> List();
}

/// <summary>A session in the directory: how it was opened and whether it is closed.</summary>
[GenerateSerializer, Immutable, Alias("relations.class-session-entry")]
public sealed record ClassSessionEntry(
    [property: Id(0)] ClassSessionInfo Info,
    [property: Id(1)] bool Closed);
