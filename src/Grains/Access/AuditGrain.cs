using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The cluster's audit log (<see cref="IAuditGrain"/>): each entry is written before it is acknowledged.</summary>
[GrainType("audit")]
public sealed class AuditGrain(
    [PersistentState("audit", "relations")] IPersistentState<AuditState> state) : Grain, IAuditGrain
{
    public Task Record(AuditEntry entry)
    {
        var entries = state.State.Entries;
        entries.Add(entry);
        if (entries.Count > IAuditGrain.Capacity)
            entries.RemoveRange(0, entries.Count - IAuditGrain.Capacity);
        return state.WriteStateAsync();
    }

    public Task<AuditEntry[]> Latest(int count, string[]? sessions)
    {
        var wanted = sessions is null ? null : new HashSet<string>(sessions, StringComparer.Ordinal);
        var entries = state.State.Entries;
        var latest = new List<AuditEntry>(Math.Min(count, entries.Count));
        for (var i = entries.Count - 1; i >= 0 && latest.Count < count; i--)
        {
            if (wanted is null || entries[i].Session is { } session && wanted.Contains(session))
                latest.Add(entries[i]);
        }
        return Task.FromResult(latest.ToArray());
    }
}

/// <summary>The audit entries, oldest first.</summary>
[GenerateSerializer, Alias("relations.audit-state")]
public sealed class AuditState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
