using Orleans.Concurrency;
using Relations.Model.Evaluation;

namespace Relations.Grains.Interfaces;

/// <summary>One run: takes a validated scenario, drives its timeline in date order, holds status and results.</summary>
[Alias("relations.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    /// <summary>Starts the run and returns at once; follow it with <see cref="GetStatus"/> or <see cref="WaitForCompletion"/>.</summary>
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
}

/// <summary>One dyad of one run: applies impulses, standing ties, interruptions and cancellations, passes spills on.</summary>
[Alias("relations.IRelationshipGrain")]
public interface IRelationshipGrain : IGrainWithStringKey
{
    [Alias("Setup")]
    Task Setup(RelationshipSetup setup);

    /// <summary>Applies a time slice's occurrences on this dyad, in date order, and delivers their spills.</summary>
    [Alias("Apply")]
    Task<int> Apply(ArrivingOccurrence[] occurrences);

    /// <summary>Takes spills from a parent or child dyad. Interleaves: two dyads spilling into each other must not deadlock.</summary>
    [Alias("ReceiveSpills"), AlwaysInterleave]
    Task ReceiveSpills(SpilledImpulse[] spills);

    /// <summary>Computes the series at the sample days and keeps it; answers it.</summary>
    [Alias("Complete")]
    Task<DyadSeriesData> Complete(DateOnly[] sampleDays);

    [Alias("ScoreOn")]
    Task<double> ScoreOn(DateOnly day);
}

/// <summary>One actor of one run: what it is, its parent and children, its relationships, and the events that reached it.</summary>
[Alias("relations.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("Setup")]
    Task Setup(RegionSetup setup);

    [Alias("Receive")]
    Task Receive(int occurrences, DateOnly lastDay);

    /// <summary>Writes the state; the simulation grain calls it when the run ends (writes are batched, not per event).</summary>
    [Alias("Flush")]
    Task Flush();

    [Alias("GetSummary")]
    Task<RegionSummary> GetSummary();
}
