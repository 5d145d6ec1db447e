using Orleans.Dashboard;

namespace Relations.Dashboard.Hosting;

/// <summary>Makes the web app a member of a cluster: a co-hosted silo of its own, or an Orleans client of a running cluster.</summary>
internal static class ClusterSetup
{
    public static void AddCluster(this WebApplicationBuilder builder, RelationsOptions options, ClusterTarget target, RelationsStorage storage)
    {
        if (!target.IsEmbedded)
        {
            // A dashboard whose cluster is not there says so and stops, after a few attempts.
            builder.AddRelationsClient(target, connectAttempts: 5);
            return;
        }
        builder.AddRelationsSilo(storage, siloPort: options.SiloPort, gatewayPort: options.GatewayPort, configure: silo => silo.AddDashboard());
    }
}
