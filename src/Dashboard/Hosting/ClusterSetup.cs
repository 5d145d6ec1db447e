using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Orleans.Dashboard;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Hosting;

/// <summary>Makes the web app a member of a cluster: a co-hosted silo of its own, or an Orleans client of a running cluster.</summary>
internal static class ClusterSetup
{
    /// <summary>The cluster and service ids of <c>relations silo</c> (src/Silo/Hosting/RelationsCluster.cs, SiloDefaults).</summary>
    public const string ClusterId = "relations";
    public const string ServiceId = "relations";

    public static void AddCluster(this WebApplicationBuilder builder, RelationsOptions options, IPEndPoint? gateway, RelationsStorage storage)
    {
        if (gateway is not null)
        {
            var attempts = 0;
            builder.UseOrleansClient(client => client
                .UseStaticClustering(gateway)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
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

        var siloPort = options.SiloPort ?? FreePort();
        var gatewayPort = options.GatewayPort ?? FreePort();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
            silo.AddRelationsGrains(storage);
            silo.AddDashboard();
        });
    }

    /// <summary>A free loopback port, so that two dashboards (or a dashboard and a CLI run) never share a silo by accident.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
