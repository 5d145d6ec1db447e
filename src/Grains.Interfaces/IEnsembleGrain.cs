using Orleans.Concurrency;

namespace Relations.Grains.Interfaces;

/// <summary>
/// One Monte-Carlo ensemble: starts its draws as runs of the cluster (draw i a simulation grain
/// <see cref="EnsembleKeys.Draw"/> replaying with seed S + i), a bounded number at a time, and keeps its
/// request and progress in grain state, so that after a silo loss it goes on where its draws stand.
/// </summary>
[Alias("relations.IEnsembleGrain")]
public interface IEnsembleGrain : IGrainWithStringKey
{
    /// <summary>Starts the ensemble and returns at once; starting one already started only answers its status.</summary>
    [Alias("Start")]
    Task<EnsembleStatus> Start(EnsembleRequest request);

    [Alias("GetStatus"), AlwaysInterleave]
    Task<EnsembleStatus> GetStatus();

    /// <summary>Completes when every draw has ended, or after <paramref name="timeout"/> with the status then.</summary>
    [Alias("WaitForCompletion"), AlwaysInterleave, ResponseTimeout("01:00:00")]
    Task<EnsembleStatus> WaitForCompletion(TimeSpan timeout);
}

/// <summary>An ensemble to run: <see cref="Run"/> with its seed S, <see cref="Draws"/> draws, at most <see cref="Concurrency"/> at once.</summary>
[GenerateSerializer, Immutable, Alias("relations.ensemble-request")]
public sealed record EnsembleRequest(
    [property: Id(0)] RunRequest Run,
    [property: Id(1)] int Draws,
    [property: Id(2)] int Concurrency);

/// <summary>Where an ensemble stands: how many of its draws have completed.</summary>
[GenerateSerializer, Immutable, Alias("relations.ensemble-status")]
public sealed record EnsembleStatus(
    [property: Id(0)] string EnsembleId,
    [property: Id(1)] RunState State,
    [property: Id(2)] int DrawsDone,
    [property: Id(3)] int Draws,
    [property: Id(4)] string? Error);

/// <summary>The run ids of an ensemble's draws.</summary>
public static class EnsembleKeys
{
    public static string Draw(string ensembleId, int draw) => $"{ensembleId}-d{draw}";
}
