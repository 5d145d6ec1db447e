using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Hosting;

/// <summary>Makes the web app a member of a cluster: a co-hosted silo of its own, or an Orleans client of a running cluster.</summary>
internal static class ClusterSetup
{
    public static void AddCluster(this WebApplicationBuilder builder, RelationsOptions options, IPEndPoint? gateway, RelationsStorage storage)
    {
        if (gateway is not null)
        {
            var attempts = 0;
            builder.UseOrleansClient(client => client
                .UseStaticClustering(gateway)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterAddress.ClusterId, ClusterAddress.ServiceId))
                // Without a filter the first connection is retried for ever; a dashboard whose cluster is not
                // there should say so and stop.
                .UseConnectionRetryFilter(async (_, cancellation) =>
                {
                    if (++attempts >= 5)
                        return false;
                    await Task.Delay(1000, cancellation);
                    return true;
                }));
            builder.Services.AddRelationsModelSerialization();
            return;
        }

        var siloPort = options.SiloPort ?? ClusterAddress.FreeLoopbackPort();
        var gatewayPort = options.GatewayPort ?? ClusterAddress.FreeLoopbackPort();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterAddress.ServiceId, clusterId: ClusterAddress.ClusterId);
            silo.AddRelationsGrains(storage);
            silo.AddDashboard();
        });
    }
}
