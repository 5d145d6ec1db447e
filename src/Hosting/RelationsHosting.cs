using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>
/// Builds the project's silos and clients — used by the CLI, the dashboard and the tests alike, so that a new
/// grain, a storage or a cluster setting is added once.
/// </summary>
public static class RelationsHosting
{
    /// <summary>
    /// A silo. Without <paramref name="clusterId"/> it is a cluster of one on free loopback ports (an embedded silo);
    /// with it, it forms or joins that cluster through the membership table in <paramref name="storage"/> (which must
    /// be azure), on the given ports (else the defaults when free, else free ones), advertising
    /// <paramref name="advertise"/> (loopback when null). <paramref name="configure"/> adds what only this host needs.
    /// </summary>
    public static IHostApplicationBuilder AddRelationsSilo(
        this IHostApplicationBuilder builder,
        RelationsStorage storage,
        string? clusterId = null,
        int? siloPort = null,
        int? gatewayPort = null,
        IPAddress? advertise = null,
        Action<ISiloBuilder>? configure = null)
    {
        if (clusterId is not null && !storage.IsDurable)
            throw new ArgumentException("a cluster of many silos keeps its membership table in Azure storage: give --storage azure --connection-string CS", nameof(storage));
        // The storage provider logs every failed write with its stack trace — thousands of lines a minute while
        // storage is down. A run logs the outage once, with the first failure's detail, and once when it ends.
        builder.Logging.AddFilter("Orleans.Storage", LogLevel.Critical);
        builder.UseOrleans(silo =>
        {
            if (clusterId is null)
            {
                silo.UseLocalhostClustering(siloPort ?? ClusterAddress.FreeLoopbackPort(), gatewayPort ?? ClusterAddress.FreeLoopbackPort(),
                    serviceId: ClusterAddress.ServiceId, clusterId: ClusterAddress.DefaultClusterId);
            }
            else
            {
                var address = advertise ?? IPAddress.Loopback;
                silo.UseAzureStorageClustering(o => o.TableServiceClient = storage.TableService());
                silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, ClusterAddress.ServiceId));
                silo.ConfigureEndpoints(address,
                    siloPort ?? ClusterAddress.PreferredOrFree(ClusterAddress.DefaultSiloPort, address),
                    gatewayPort ?? ClusterAddress.PreferredOrFree(ClusterAddress.DefaultGatewayPort, address),
                    listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                MembershipTuning.Apply(silo);
            }
            silo.AddRelationsGrains(storage);
            configure?.Invoke(silo);
        });
        return builder;
    }

    /// <summary>
    /// An Orleans client of a running cluster: through one known gateway, or through the membership table of
    /// <see cref="ClusterTarget.ClusterId"/> (its gateways, refreshed every few seconds). Gives up after
    /// <paramref name="connectAttempts"/> failed attempts to connect, a second apart.
    /// </summary>
    public static IHostApplicationBuilder AddRelationsClient(this IHostApplicationBuilder builder, ClusterTarget target, int connectAttempts = 3)
    {
        if (target.IsEmbedded)
            throw new ArgumentException("an embedded target has no cluster to be a client of", nameof(target));
        var attempts = 0;
        builder.UseOrleansClient(client =>
        {
            if (target.Gateway is { } gateway)
                client.UseStaticClustering(gateway);
            else
                client.UseAzureStorageClustering(o => o.TableServiceClient = new RelationsStorage(RelationsStorage.Azure, target.ConnectionString).TableService());
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (target.ClusterId ?? ClusterAddress.DefaultClusterId, ClusterAddress.ServiceId));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = MembershipTuning.GatewayListRefresh);
            // Without a filter the first connection is retried for ever; a command whose cluster is not there says so and stops.
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                if (++attempts >= connectAttempts)
                    return false;
                await Task.Delay(1000, cancellation);
                return true;
            });
            client.Services.AddRelationsModelSerialization();
            GrainCallPolicyLogging.AddTo(client.Services);
        });
        return builder;
    }
}
