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

/// <summary>
/// One dyad of a run kept before dyads were held by their actors' grains (<see cref="IRegionGrain"/>): it answers the
/// series it wrote, and deletes what it wrote.
/// </summary>
[Alias("relations.IRelationshipGrain")]
public interface IRelationshipGrain : IGrainWithStringKey
{
    /// <summary>The series the dyad wrote when its run completed.</summary>
    [Alias("Complete")]
    Task<DyadSeriesData> Complete();

    /// <summary>Deletes what the dyad wrote; the activation goes when idle.</summary>
    [Alias("Forget")]
    Task Forget();
}

/// <summary>
/// One province, partner region or locality of one run: what it is, its parent, children and partners, the events that
/// reach it, and the dyads it holds — those where it is the first actor (<see cref="Dyad.A"/>). It applies their
/// occurrences with the rule kernel (impulses, standing ties, interruptions, cancellations) and answers their spills,
/// one message per slice.
/// </summary>
[Alias("relations.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the actor's place in the run and the dyads it holds. With <paramref name="restore"/>, forgets what is not
    /// written and reloads its dyads' last checkpoint (a run resuming after a failure); without, what it has applied is kept.
    /// </summary>
    [Alias("SetupHolding")]
    Task Setup(RegionSetup setup, HeldDyads dyads, bool restore);

    /// <summary>
    /// Counts a slice's occurrences that involve this actor, takes the spills of earlier slices for its dyads and applies
    /// the slice's occurrences on them, answering their spills. A slice already counted is not counted again; a slice a
    /// dyad has already applied (before a resume) is not applied again, but its spills are still answered: receivers decide.
    /// </summary>
    [Alias("ReceiveSlice")]
    Task<SliceApplied> Receive(ActorSlice slice);

    /// <summary>
    /// A checkpoint: takes the last spills, folds everything held into the sweep up to <paramref name="through"/> (a day
    /// number), and writes each changed dyad's state, as applied through <paramref name="slice"/>.
    /// </summary>
    [Alias("Checkpoint")]
    Task Checkpoint(int slice, int through, SpillDelivery spills);

    /// <summary>
    /// Takes the last spills, sweeps every held dyad to the last sample day and answers their parts, writing nothing: the
    /// run keeps its results itself (<see cref="ISimulationGrain"/>). The dyads' working state is dropped once answered.
    /// </summary>
    [Alias("CompleteHeld"), ResponseTimeout("00:05:00")]
    Task<DyadParts[]> Complete(SpillDelivery spills);

    /// <summary>
    /// Deletes what the held dyads — those with the actors <paramref name="partners"/> — wrote at checkpoints, once the
    /// run has kept its results.
    /// </summary>
    [Alias("ForgetHeld")]
    Task Forget(string[] partners);

    /// <summary>
    /// What the actor is and the occurrences that reached it: of a completed run, as its simulation grain keeps them
    /// (regions keep nothing once their run has ended); of a running run, as counted so far in this activation.
    /// </summary>
    [Alias("GetSummary")]
    Task<RegionSummary> GetSummary();
}
