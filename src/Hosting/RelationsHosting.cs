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
    /// A silo. Without <paramref name="clusterId"/> it is a cluster of one on loopback ports the system picks (an
    /// embedded silo); with it, it forms or joins that cluster through the membership table in
    /// <paramref name="storage"/> (which must be azure), on the given ports (else the defaults when free, else ones the
    /// system picks; <see cref="SiloPorts"/>), advertising <paramref name="advertise"/> (loopback when null) — or, in a
    /// Kubernetes pod (<see cref="KubernetesPod"/>), on the default ports at the pod's address. <paramref name="configure"/>
    /// adds what only this host needs.
    /// </summary>
    /// <exception cref="PortTakenException">A given port is held by another program.</exception>
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
        var address = advertise ?? IPAddress.Loopback;
        var inPod = clusterId is not null && KubernetesPod.IsCurrent;
        // Listening on every address when others reach this silo at a non-loopback one.
        var listen = IPAddress.IsLoopback(address) ? address : IPAddress.Any;
        var ports = inPod ? null : SiloPorts.Take(listen, siloPort, gatewayPort,
            clusterId is null ? null : (ClusterAddress.DefaultSiloPort, ClusterAddress.DefaultGatewayPort));
        try
        {
            builder.UseOrleans(silo =>
            {
                if (clusterId is null)
                {
                    silo.UseLocalhostClustering(ports!.Silo, ports.Gateway, serviceId: ClusterAddress.ServiceId, clusterId: ClusterAddress.DefaultClusterId);
                }
                else
                {
                    silo.UseAzureStorageClustering(o => o.TableServiceClient = storage.TableService());
                    silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, ClusterAddress.ServiceId));
                    MembershipTuning.Apply(silo);
                }
                if (ports is not null)
                    ports.Configure(silo, address, listen);
                else
                    KubernetesPod.Configure(silo, siloPort ?? ClusterAddress.DefaultSiloPort, gatewayPort ?? ClusterAddress.DefaultGatewayPort);
                silo.AddRelationsGrains(storage);
                configure?.Invoke(silo);
            });
        }
        catch
        {
            ports?.Dispose();
            throw;
        }
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
            client.AddActivityPropagation();
        });
        return builder;
    }
}
