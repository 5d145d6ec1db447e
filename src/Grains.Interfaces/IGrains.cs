using Orleans.Concurrency;
using Relations.Model.Evaluation;

namespace Relations.Grains.Interfaces;

/// <summary>One run: takes a validated scenario, drives its timeline in date order, holds status and results.</summary>
[Alias("relations.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run and returns at once, once the request is stored; follow it with <see cref="Watch"/>,
    /// <see cref="GetStatus"/> or <see cref="WaitForCompletion"/>. Interleaving: a Start sent again (a retry, a second
    /// client) answers the status even while the run is busy with a slice, rather than queueing behind it.
    /// </summary>
    [Alias("Start"), AlwaysInterleave]
    Task<RunStatus> Start(RunRequest request);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<RunStatus> GetStatus();

    /// <summary>Completes when the run has ended, or after <paramref name="timeout"/> with the status then.</summary>
    [Alias("WaitForCompletion"), AlwaysInterleave, ResponseTimeout("01:00:00")]
    Task<RunStatus> WaitForCompletion(TimeSpan timeout);

    /// <summary>The sample days and every dyad's series of a completed run.</summary>
    [Alias("GetResults"), ResponseTimeout("00:10:00")]
    Task<(DateOnly[] Dates, DyadSeriesData[] Series)> GetResults();

    /// <summary>The request the run was started with (its scenario), or null for a run never started.</summary>
    [Alias("GetRequest"), AlwaysInterleave]
    Task<RunRequest?> GetRequest();

    /// <summary>Makes sure an unfinished run is going on (after a restart); answers its status.</summary>
    [Alias("Resume"), AlwaysInterleave]
    Task<RunStatus> Resume();

    /// <summary>
    /// An actor of a completed run as its region grain tells it — what it is, its partners, the occurrences that reached
    /// it — answered from the run's kept results; null while the run has not completed (or kept no results).
    /// </summary>
    [Alias("GetRegion"), AlwaysInterleave]
    Task<RegionSummary?> GetRegion(string actorId);

    /// <summary>
    /// Subscribes <paramref name="observer"/> to the run's progress pushes (or renews the subscription, which expires
    /// after a minute unrenewed); answers the status now.
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task<RunStatus> Watch(IRunObserver observer);
}

/// <summary>
/// The runs a cluster knows, so that a new process can list them (key "all"). Runs are kept in pages of
/// <see cref="IRunPageGrain"/>s, in the order they were first recorded, so listing the latest runs reads a page or two
/// however many are stored.
/// </summary>
[Alias("relations.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Lists a run, or brings its entry up to date: a run not yet listed (<paramref name="page"/> null) goes on the newest
    /// page. Answers the page it is listed on, which the run keeps for its next update.
    /// </summary>
    [Alias("RecordOnPage")]
    Task<long> Record(RunSummary summary, long? page);

    /// <summary>Up to <paramref name="take"/> runs, the latest first, after skipping the <paramref name="skip"/> latest; and how many there are.</summary>
    [Alias("Latest"), AlwaysInterleave]
    Task<RunListing> Latest(int skip, int take);
}

/// <summary>One page of the run registry (key: its number from 0): up to <see cref="Size"/> runs in the order they were listed.</summary>
[Alias("relations.IRunPageGrain")]
public interface IRunPageGrain : IGrainWithIntegerKey
{
    /// <summary>Runs a page holds: small enough to rewrite on every change, large enough that pages stay few.</summary>
    public const int Size = 100;

    /// <summary>Adds a run (or updates it, when listed here); false when the page is full and the run is not on it.</summary>
    [Alias("TryRecord")]
    Task<bool> TryRecord(RunSummary summary);

    /// <summary>The page's runs, in the order they were listed.</summary>
    [Alias("Runs"), AlwaysInterleave]
    Task<RunSummary[]> Runs();
}

/// <summary>One dyad of one run: applies impulses, standing ties, interruptions and cancellations, passes spills on.</summary>
[Alias("relations.IRelationshipGrain")]
public interface IRelationshipGrain : IGrainWithStringKey
{
    /// <summary>Sets the dyad up for its run; a no-op when it already is (a resumed run).</summary>
    [Alias("Setup")]
    Task Setup(RelationshipSetup setup);

    /// <summary>
    /// Applies time slice <paramref name="slice"/>'s occurrences on this dyad and delivers their spills. A slice the
    /// dyad has already applied is not applied again, but its spills are still sent: the receivers decide.
    /// </summary>
    [Alias("Apply")]
    Task<int> Apply(int slice, OccurrenceBatch occurrences);

    /// <summary>Takes spills from a parent or child dyad. Interleaves: two dyads spilling into each other must not deadlock.</summary>
    [Alias("ReceiveSpills"), AlwaysInterleave]
    Task ReceiveSpills(int slice, SpillBatch spills);

    /// <summary>
    /// Closes a slice at a checkpoint: folds the impulses held so far into the sweep up to <paramref name="through"/> and,
    /// with <paramref name="checkpoint"/>, writes the state. Between checkpoints a dyad only collects impulses (a few
    /// bytes each), so a slice costs no call beyond the deliveries.
    /// </summary>
    [Alias("EndSlice")]
    Task EndSlice(int slice, DateOnly through, bool checkpoint);

    /// <summary>Forgets what is not written and reloads the last checkpoint (a run resuming after a failure).</summary>
    [Alias("Restore")]
    Task Restore();

    /// <summary>
    /// Sweeps to the last sample day and answers the series, writing nothing: the run keeps its results itself
    /// (<see cref="ISimulationGrain"/>). Idempotent; a dyad of a run kept before that answers the series it wrote.
    /// </summary>
    [Alias("Complete")]
    Task<DyadSeriesData> Complete();

    /// <summary>Deletes what the dyad wrote at checkpoints, once its run has kept its results; the activation goes when idle.</summary>
    [Alias("Forget")]
    Task Forget();
}

/// <summary>One actor of one run: what it is, its parent and children, its relationships, and the events that reached it.</summary>
[Alias("relations.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("Setup")]
    Task Setup(RegionSetup setup);

    /// <summary>Counts a slice's occurrences that involve this actor (in the activation); a slice already counted is not counted again.</summary>
    [Alias("Receive")]
    Task Receive(int slice, int occurrences, DateOnly lastDay);

    /// <summary>
    /// What the actor is and the occurrences that reached it: of a completed run, as its simulation grain keeps them
    /// (regions keep nothing once their run has ended); of a running run, as counted so far in this activation.
    /// </summary>
    [Alias("GetSummary")]
    Task<RegionSummary> GetSummary();
}
