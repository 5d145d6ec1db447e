using Orleans.Concurrency;

namespace Relations.Grains.Interfaces;

/// <summary>
/// Who saved, replaced, deleted or ran what, and when (key <see cref="AccessKeys.All"/>): kept in the cluster, so
/// every dashboard writes to and shows one log. The newest <see cref="Capacity"/> entries are kept.
/// </summary>
[Alias("relations.IAuditGrain")]
public interface IAuditGrain : IGrainWithStringKey
{
    /// <summary>How many entries the log keeps; the oldest go first.</summary>
    const int Capacity = 20_000;

    [Alias("Record")]
    Task Record(AuditEntry entry);

    /// <summary>The latest entries, newest first: all of them, or those of the sessions named.</summary>
    [Alias("Latest"), AlwaysInterleave]
    Task<AuditEntry[]> Latest(int count, string[]? sessions);
}

/// <summary>
/// One thing someone did: <see cref="Action"/> (saved, replaced, deleted, ran, opened, joined, closed) on
/// <see cref="Target"/> (a variant, run or session id), by the identity <see cref="Who"/> (shown as
/// <see cref="Name"/>, acting as <see cref="Role"/>), in the class session <see cref="Session"/> if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Who,
    [property: Id(2)] string Name,
    [property: Id(3)] string Role,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] string? Session);
