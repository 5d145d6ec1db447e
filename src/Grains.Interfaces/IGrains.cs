using Orleans.Concurrency;
using Relations.Model.Evaluation;

namespace Relations.Grains.Interfaces;

/// <summary>One run: takes a validated scenario, drives its timeline in date order, holds status and results.</summary>
[Alias("relations.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>Starts the run and returns at once; follow it with <see cref="Watch"/>, <see cref="GetStatus"/> or <see cref="WaitForCompletion"/>.</summary>
    [Alias("Start")]
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
    [Alias("Resume")]
    Task<RunStatus> Resume();

    /// <summary>
    /// Subscribes <paramref name="observer"/> to the run's progress pushes (or renews the subscription, which expires
    /// after a minute unrenewed); answers the status now.
    /// </summary>
    [Alias("Watch"), AlwaysInterleave]
    Task<RunStatus> Watch(IRunObserver observer);
}

/// <summary>The runs a cluster knows, so that a new process can list them (key "all").</summary>
[Alias("relations.IRunRegistryGrain")]
public interface IRunRegistryGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(RunSummary summary);

    [Alias("List"), AlwaysInterleave]
    Task<RunSummary[]> List();
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

    /// <summary>Sweeps to the last sample day, writes and answers the series; idempotent.</summary>
    [Alias("Complete")]
    Task<DyadSeriesData> Complete();
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
    /// Settles the run's totals for this actor and writes them, once, when the run ends: what slices counted in an
    /// activation lost with its silo is made whole here, so regions need no checkpoints.
    /// </summary>
    [Alias("Settle")]
    Task Settle(int occurrences, DateOnly? lastDay);

    [Alias("GetSummary")]
    Task<RegionSummary> GetSummary();
}
