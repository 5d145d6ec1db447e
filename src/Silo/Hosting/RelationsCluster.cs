using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Silo.Hosting;

/// <summary>
/// A connection to grains for one command: an embedded silo (localhost clustering on free ports, in-memory
/// storage) or an Orleans client of a running cluster. Disposing it stops what it started.
/// </summary>
public sealed class RelationsCluster : IAsyncDisposable
{
    private readonly IHost host;

    private RelationsCluster(IHost host, RelationsStorage storage)
    {
        this.host = host;
        CheckpointEverySlices = storage.EffectiveCheckpointEverySlices;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Slices between checkpoints for runs this command starts (<see cref="RelationsStorage.EffectiveCheckpointEverySlices"/>).</summary>
    public int CheckpointEverySlices { get; }

    public static Task<RelationsCluster> ConnectAsync(ClusterTarget target, CancellationToken cancellation) =>
        ConnectAsync(target, RelationsStorage.InMemory, cancellation);

    /// <param name="storage">The embedded silo's storage; a cluster reached through a gateway has its own.</param>
    public static async Task<RelationsCluster> ConnectAsync(ClusterTarget target, RelationsStorage storage, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        Quiet(builder.Logging);
        if (target.Gateway is { } gateway)
        {
            var attempts = 0;
            builder.UseOrleansClient(client => client
                .UseStaticClustering(gateway)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterAddress.ClusterId, ClusterAddress.ServiceId))
                .UseConnectionRetryFilter(async (_, ct) =>
                {
                    if (++attempts >= 3)
                        return false;
                    await Task.Delay(500, ct);
                    return true;
                }));
            builder.Services.AddRelationsModelSerialization();
        }
        else
        {
            builder.UseOrleans(silo => ConfigureSilo(silo, ClusterAddress.FreeLoopbackPort(), ClusterAddress.FreeLoopbackPort(), storage));
        }
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception ex) when (target.Gateway is not null && ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new InvalidOperationException($"cannot reach the cluster at {target.Gateway}: {ex.Message}");
        }
        catch (Exception ex) when (storage.IsDurable && ex is not OperationCanceledException)
        {
            host.Dispose();
            throw new InvalidOperationException($"cannot start with Azure Table storage: {ex.GetBaseException().Message}");
        }
        return new RelationsCluster(host, storage);
    }

    /// <summary>The silo set-up every host of the project shares: storage, serialization of model records.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, int siloPort, int gatewayPort, RelationsStorage storage)
    {
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterAddress.ServiceId, clusterId: ClusterAddress.ClusterId);
        silo.AddRelationsGrains(storage);
    }

    /// <summary>Warnings and errors only, to standard error, so standard output stays the command's own.</summary>
    public static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Warning);
        // Orleans and the host log failures with stack traces; the command reports them itself, in plain words.
        logging.AddFilter("Orleans", LogLevel.Critical);
        logging.AddFilter("Microsoft", LogLevel.None);
        logging.AddFilter("Polly", LogLevel.None);
        logging.AddFilter("Relations.Grains", LogLevel.Error);
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        host.Dispose();
    }
}

/// <summary>The default ports of a silo started with <c>relations silo</c> (its ids are <see cref="ClusterAddress"/>'s).</summary>
public static class SiloDefaults
{
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
}
