using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// The workers a job hands its batches to: those of every active silo of the cluster, each silo taking as many
/// batches at once as twice its processors (learned from its first answer; two until then). A
/// <c>[StatelessWorker]</c> grain is placed on the silo that calls it, so a job reaches silo X's
/// workers by a key naming X (<see cref="JobKeys.Worker"/>) and Orleans' placement hint; the silo chosen for a batch
/// is the one with the most room, so a slow or busy silo simply gets fewer.
/// </summary>
internal sealed class WorkerPool(string jobId, IGrainFactory grains, IClusterMembershipService membership)
{
    private readonly Dictionary<SiloAddress, (int Capacity, int InFlight)> silos = [];

    /// <summary>Batches the pool takes at once: the sum of the active silos' capacities.</summary>
    public int Capacity
    {
        get
        {
            Refresh();
            return silos.Values.Sum(s => s.Capacity);
        }
    }

    /// <summary>The active silo with the most room, if any has room.</summary>
    public SiloAddress? Free()
    {
        Refresh();
        return silos.Where(s => s.Value.InFlight < s.Value.Capacity).OrderBy(s => s.Value.InFlight - s.Value.Capacity).Select(s => s.Key).FirstOrDefault();
    }

    /// <summary>Any active silo (the one with the most room), when none has room and nothing is in flight.</summary>
    public SiloAddress Any()
    {
        Refresh();
        return silos.OrderBy(s => s.Value.InFlight - s.Value.Capacity).Select(s => s.Key).FirstOrDefault()
            ?? membership.CurrentSnapshot.Members.Values.First(m => m.Status == SiloStatus.Active).SiloAddress;
    }

    /// <summary>
    /// Sends <paramref name="batch"/> to the workers of <paramref name="silo"/>. A call lost with that silo is made again
    /// (<see cref="GrainCallPolicy"/>): once the cluster has declared the silo dead, the hint no longer names a silo of
    /// the cluster and the batch is evaluated where the job is — the draws being pure, wherever they are evaluated.
    /// </summary>
    public Task<UnitBatchResult> Send(UnitBatch batch, SiloAddress silo)
    {
        if (silos.TryGetValue(silo, out var room))
            silos[silo] = room with { InFlight = room.InFlight + 1 };
        var worker = grains.GetGrain<IDrawWorkerGrain>(JobKeys.Worker(jobId, silo.ToParsableString()));
        return GrainCallPolicy.Shared.CallAsync(() =>
        {
            // The hint is read when the call is addressed, which happens as it is made; it must not follow this grain's later calls.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                return worker.Evaluate(batch);
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        });
    }

    /// <summary>A batch sent to <paramref name="silo"/> has come back (<paramref name="cores"/>: that silo's processors, 0 if it failed).</summary>
    public void Returned(SiloAddress silo, int cores)
    {
        if (silos.TryGetValue(silo, out var room))
            silos[silo] = (cores > 0 ? 2 * cores : room.Capacity, Math.Max(0, room.InFlight - 1));
    }

    /// <summary>Follows the cluster's membership: silos that joined get room, silos that left are forgotten.</summary>
    private void Refresh()
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
        foreach (var gone in silos.Keys.Where(s => !active.Contains(s)).ToList())
            silos.Remove(gone);
        foreach (var silo in active)
            silos.TryAdd(silo, (2, 0));
    }
}
