using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Orleans.Concurrency;
using Relations.Model.Ensembles;

namespace Relations.Grains.Interfaces;

/// <summary>
/// One ensemble or sweep (a job), from its request to its folded statistics: it hands batches of its units to
/// <see cref="IDrawWorkerGrain"/>s on every silo, folds their results in unit order, keeps its outcome in
/// <see cref="IJobResultGrain"/> parts, and pushes its progress to watchers. Its request and state are stored, so
/// any client reads it by id, and an unfinished job goes on after its silo or its whole cluster was stopped.
/// </summary>
[Alias("relations.IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Starts the job and answers at once; starting one already started only answers its status.</summary>
    [Alias("Start")]
    Task<JobStatus> Start(JobRequest request);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<JobStatus> GetStatus();

    /// <summary>The request the job was started with (its scenario loaded), or null for a job never started.</summary>
    [Alias("GetRequest"), AlwaysInterleave]
    Task<JobRequest?> GetRequest();

    /// <summary>
    /// Subscribes <paramref name="observer"/> to the job's progress pushes (or renews it: a subscription expires after
    /// a minute unrenewed, and lives in the job's activation, which a lost silo takes with it); answers the status now.
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task<JobStatus> Watch(IJobObserver observer);

    /// <summary>Completes when the job has ended, or after <paramref name="timeout"/> with the status then.</summary>
    [Alias("WaitForCompletion"), AlwaysInterleave, ResponseTimeout("01:00:00")]
    Task<JobStatus> WaitForCompletion(TimeSpan timeout);

    /// <summary>Stops a running job (it ends as cancelled, keeping nothing); answers the status.</summary>
    [Alias("Cancel"), AlwaysInterleave]
    Task<JobStatus> Cancel();
}

/// <summary>A watcher of a job: the job pushes its status as units are folded (a few times a second at most) and when it ends.</summary>
[Alias("relations.IJobObserver")]
public interface IJobObserver : IGrainObserver
{
    [Alias("Progress"), OneWay]
    Task Progress(JobStatus status);
}

/// <summary>Whether a job is an ensemble (draws of one scenario) or a sweep (a grid of model-parameter values).</summary>
[GenerateSerializer, Alias("relations.job-kind")]
public enum JobKind { Ensemble, Sweep }

/// <summary>Where a job stands; its words in lists and the API are the lower-case names.</summary>
[GenerateSerializer, Alias("relations.job-state")]
public enum JobState { NotStarted, Running, Completed, Failed, Cancelled }

/// <summary>
/// A job to run: <see cref="Run"/>'s scenario (or its source), step and seed S; <see cref="Draws"/> draws per cell
/// (draw i replaying with seed S + i); for a sweep, its <c>KEY=V1,V2,...</c> settings (<see cref="SweepGrid.Parse"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.job-request")]
public sealed record JobRequest(
    [property: Id(0)] RunRequest Run,
    [property: Id(1)] int? Draws,
    [property: Id(2)] string[] Sweep)
{
    /// <summary>The run whose page asked for this job (its uncertainty), if any.</summary>
    [Id(3)] public string? FromRun { get; init; }

    public JobKind Kind => Sweep.Length > 0 ? JobKind.Sweep : JobKind.Ensemble;

    /// <summary>The job's units and their order.</summary>
    /// <exception cref="FormatException">A sweep setting is not KEY=V1,V2,... with values the key accepts.</exception>
    /// <exception cref="Model.Scenarios.ScenarioException">A sweep cell's model breaks a rule of the scenario.</exception>
    public JobPlan Plan() => new(Run.Scenario, Run.Step, Run.Seed ?? 0, Draws, Sweep.Length > 0 ? SweepGrid.Parse(Sweep) : null);
}

/// <summary>Where a job stands: units done of all (a cell's deterministic replay and each draw are one unit each), and what it is.</summary>
[GenerateSerializer, Immutable, Alias("relations.job-status")]
public sealed record JobStatus(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobKind Kind,
    [property: Id(2)] JobState State,
    [property: Id(3)] int Done,
    [property: Id(4)] int Total,
    [property: Id(5)] string? Error)
{
    [Id(6)] public DateTimeOffset StartedAt { get; init; }

    [Id(7)] public DateTimeOffset? EndedAt { get; init; }

    /// <summary>While running: the time left at the pace so far; null until the pace is known.</summary>
    [Id(8)] public TimeSpan? TimeLeft { get; init; }

    [Id(9)] public string ScenarioId { get; init; } = "";

    [Id(10)] public string Title { get; init; } = "";

    /// <summary>Draws per cell (null: a sweep of deterministic replays).</summary>
    [Id(11)] public int? Draws { get; init; }

    /// <summary>Cells: 1 for an ensemble, the grid's combinations for a sweep.</summary>
    [Id(12)] public int Cells { get; init; }

    /// <summary>The stored parts of a completed job's outcome (<see cref="JobKeys.ResultPart"/>).</summary>
    [Id(13)] public int Parts { get; init; }

    /// <summary>See <see cref="JobRequest.FromRun"/>.</summary>
    [Id(14)] public string? FromRun { get; init; }

    /// <summary>How many silos have evaluated the job's units so far (in this activation of the job).</summary>
    [Id(15)] public int Silos { get; init; }

    /// <summary>Draws, or cells × draws (cells for a sweep without draws): the size `relations jobs list` shows.</summary>
    public int Size => Cells * (Draws ?? 1);

    public double Progress => State == JobState.Completed ? 1.0 : Total == 0 ? 0 : (double)Done / Total;

    public JobSummary Summary() => new(JobId, Kind, State, StartedAt, ScenarioId, Title, Size) { FromRun = FromRun };
}

/// <summary>A job as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("relations.job-summary")]
public sealed record JobSummary(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobKind Kind,
    [property: Id(2)] JobState State,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] string ScenarioId,
    [property: Id(5)] string Title,
    [property: Id(6)] int Size)
{
    [Id(7)] public string? FromRun { get; init; }
}

/// <summary>The jobs of a cluster, so that any process can list them (key <see cref="JobKeys.Registry"/>).</summary>
[Alias("relations.IJobRegistryGrain")]
public interface IJobRegistryGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(JobSummary summary);

    /// <summary>Every job, oldest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<JobSummary[]> List();

    /// <summary>The latest job started from run <paramref name="runId"/>'s page, if any.</summary>
    [Alias("LatestOfRun"), AlwaysInterleave]
    Task<JobSummary?> LatestOfRun(string runId);
}

/// <summary>
/// Evaluates batches of a job's units with the streaming evaluator, many activations per silo, keeping nothing but
/// the job's plan (read from its <see cref="IJobRequestGrain"/> once per activation). A job reaches the workers of silo X by the key
/// <see cref="JobKeys.Worker"/>(job, X) and a placement hint, so its units spread over every silo of the cluster.
/// </summary>
[Alias("relations.IDrawWorkerGrain")]
public interface IDrawWorkerGrain : IGrainWithStringKey
{
    [Alias("Evaluate")]
    Task<UnitBatchResult> Evaluate(UnitBatch batch);
}

/// <summary>Units [First, First + Count) of job <see cref="JobId"/>.</summary>
[GenerateSerializer, Immutable, Alias("relations.unit-batch")]
public sealed record UnitBatch([property: Id(0)] string JobId, [property: Id(1)] int First, [property: Id(2)] int Count);

/// <summary>
/// A batch's results: for each unit its scores, then its strengths (<see cref="JobPlan.Values"/> doubles each, dyad
/// by dyad), as raw bytes in pieces of at most <see cref="PieceDoubles"/> doubles — a byte array travels as one block,
/// an array of doubles element by element, and a piece stays below the large-object heap's 85,000 bytes, so the
/// batches a job goes through are young garbage collected at once rather than large objects piling up until a full
/// collection (memory flat in draws) — and the worker's silo's processor count, so the job learns how many batches
/// that silo takes at once. (Id 2, the results as one array, is retired.)
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.unit-batch-result")]
public sealed record UnitBatchResult(
    [property: Id(0)] int First,
    [property: Id(1)] int Count,
    [property: Id(5)] byte[][] Pieces,
    [property: Id(3)] int Cores)
{
    /// <summary>The most doubles in one piece: 64 KiB, below the large-object threshold.</summary>
    public const int PieceDoubles = 8192;

    /// <summary>The silo that evaluated the batch (its runtime identity).</summary>
    [Id(4)] public string Silo { get; init; } = "";

    /// <summary>Pieces of one unit's scores (or strengths) of <paramref name="values"/> doubles.</summary>
    public static int PiecesOf(int values) => (values + PieceDoubles - 1) / PieceDoubles;

    /// <summary>
    /// Cuts one unit's scores and strengths (<paramref name="values"/> doubles each, one after the other) into pieces
    /// added to <paramref name="pieces"/>, taken from <see cref="PieceBuffers"/>.
    /// </summary>
    public static void Split(ReadOnlySpan<double> unit, int values, List<byte[]> pieces)
    {
        var per = PiecesOf(values);
        for (var half = 0; half < 2; half++)
        {
            for (var p = 0; p < per; p++)
            {
                var slice = MemoryMarshal.AsBytes(unit.Slice(half * values + p * PieceDoubles, Math.Min(PieceDoubles, values - p * PieceDoubles)));
                var piece = PieceBuffers.Take(slice.Length);
                slice.CopyTo(piece);
                pieces.Add(piece);
            }
        }
    }

    /// <summary>
    /// Half <paramref name="half"/> of the batch (unit half / 2's scores when even, strengths when odd), read in place
    /// when it is one piece, else gathered into <paramref name="scratch"/> (<paramref name="values"/> doubles).
    /// </summary>
    public ReadOnlySpan<double> Half(int half, int values, double[] scratch)
    {
        var per = PiecesOf(values);
        if (per == 1)
            return MemoryMarshal.Cast<byte, double>(Pieces[half]);
        for (var p = 0; p < per; p++)
            MemoryMarshal.Cast<byte, double>(Pieces[half * per + p]).CopyTo(scratch.AsSpan(p * PieceDoubles));
        return scratch.AsSpan(0, values);
    }

    /// <summary>Whether the pieces hold <see cref="Count"/> units of <paramref name="values"/> doubles each, as the job asked.</summary>
    public bool Holds(int values)
    {
        var per = PiecesOf(values);
        if (Pieces.Length != 2 * Count * per)
            return false;
        for (var i = 0; i < Pieces.Length; i++)
        {
            var p = i % per;
            if (Pieces[i].Length != Math.Min(PieceDoubles, values - p * PieceDoubles) * sizeof(double))
                return false;
        }
        return true;
    }
}

/// <summary>
/// The pieces of batch results (<see cref="UnitBatchResult"/>) a silo's workers fill and its jobs have folded: a job
/// gives a batch's pieces back once folded, so that a long ensemble goes through the same few megabytes instead of
/// leaving its whole stream of results to the garbage collector (which lets the heap grow with the draws when
/// batches outlive a young collection while they wait to be folded). Pieces are kept by exact length, up to
/// <see cref="MaxBytes"/> in all; whatever does not fit is left to the collector. A piece that travelled from another
/// silo is kept here too: its bytes are this process's.
/// </summary>
public static class PieceBuffers
{
    /// <summary>The most bytes kept for reuse (32 MiB: the batches a job on a few cores holds at once).</summary>
    public const long MaxBytes = 32L << 20;

    private static readonly ConcurrentDictionary<int, ConcurrentBag<byte[]>> Free = new();
    private static long kept;

    /// <summary>A piece of exactly <paramref name="bytes"/> bytes, reused when one was given back.</summary>
    public static byte[] Take(int bytes)
    {
        if (Free.TryGetValue(bytes, out var bag) && bag.TryTake(out var piece))
        {
            Interlocked.Add(ref kept, -bytes);
            return piece;
        }
        return new byte[bytes];
    }

    /// <summary>Gives back the pieces of a batch nobody reads any more.</summary>
    public static void Give(UnitBatchResult folded)
    {
        foreach (var piece in folded.Pieces)
        {
            if (Interlocked.Add(ref kept, piece.Length) > MaxBytes)
            {
                Interlocked.Add(ref kept, -piece.Length);
                return;
            }
            Free.GetOrAdd(piece.Length, _ => []).Add(piece);
        }
    }
}

/// <summary>
/// A job's request, written once when the job starts (its scenario's source when it has one) and read by the job and
/// its workers. Kept apart from the job so that a worker never calls back into a job that is waiting for it.
/// </summary>
[Alias("relations.IJobRequestGrain")]
public interface IJobRequestGrain : IGrainWithStringKey
{
    [Alias("Put")]
    Task Put(JobRequest request);

    /// <summary>The request with its scenario loaded; null before it is put.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<JobRequest?> Get();
}

/// <summary>One stored part of a completed job's outcome (<see cref="JobOutcomeValues"/>), small enough for one table entity.</summary>
[Alias("relations.IJobResultGrain")]
public interface IJobResultGrain : IGrainWithStringKey
{
    [Alias("Put")]
    Task Put(byte[] values);

    [Alias("Get")]
    Task<byte[]> Get();
}

/// <summary>The grain keys of jobs.</summary>
public static class JobKeys
{
    public const string Registry = "all";

    /// <summary>Doubles per stored part: 512 KiB, under the ~960 KiB a table entity holds even uncompressed.</summary>
    public const int PartValues = 64 * 1024;

    public static string ResultPart(string jobId, int part) => $"{jobId}{GrainKeys.Separator}r{part}";

    public static string Worker(string jobId, string silo) => $"{jobId}{GrainKeys.Separator}{silo}";
}
