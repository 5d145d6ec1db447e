using Orleans.Configuration;

namespace Relations.Hosting;

/// <summary>
/// Membership settings of a cluster of many silos, chosen so that a killed silo is declared dead within seconds
/// (measured in docs/cluster.md) rather than Orleans' default of about half a minute, without declaring a busy but
/// living silo dead on this small machine.
/// </summary>
public static class MembershipTuning
{
    /// <summary>How often clients re-read the gateways from the membership table (Orleans: one minute).</summary>
    public static readonly TimeSpan GatewayListRefresh = TimeSpan.FromSeconds(5);

    public static void Apply(ISiloBuilder silo) => silo.Configure<ClusterMembershipOptions>(o =>
    {
        // A silo is probed every ProbeTimeout; three missed probes in a row make the prober vote it dead. A killed
        // process refuses connections at once, so its probes fail without waiting for the timeout.
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        // Three, not two: silos started together on a busy machine (scripts, service managers, tests) can leave a new
        // silo unable to answer for a few seconds while it starts; two missed probes had it voted dead as it joined.
        o.NumMissedProbesLimit = 3;
        // Silos re-read the table this often, so a death declared by others is learnt quickly.
        o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    });
}
