using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Access;

/// <summary>Writes who did what to the cluster's audit grain, and reads it back for trainers (their sessions) and operators (all).</summary>
public sealed class AuditLog(IGrainFactory grains, TimeProvider clock)
{
    private IAuditGrain Log => grains.GetGrain<IAuditGrain>(AccessKeys.All);

    public Task RecordAsync(Caller caller, string action, string target, string? session = null) =>
        Log.Record(new AuditEntry(clock.GetUtcNow(), caller.Id, caller.Name, caller.MainRole, action, target, session ?? caller.Session));

    /// <summary>What <paramref name="caller"/> may see: everything for an operator, a trainer's own sessions' entries otherwise.</summary>
    public async Task<AuditEntry[]> LatestAsync(Caller caller, int count)
    {
        if (caller.IsOperator)
            return await Log.Latest(count, null);
        var sessions = (await grains.GetGrain<IClassDirectoryGrain>(AccessKeys.All).List())
            .Where(s => s.Info.Trainer == caller.Id).Select(s => s.Info.Code).ToArray();
        return await Log.Latest(count, sessions);
    }
}
