using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Relations.Hosting;

/// <summary>
/// A connection to grains for one command: an embedded silo (a cluster of one on loopback ports the system picks) or an
/// Orleans client of a running cluster. Disposing it stops what it started.
/// </summary>
public sealed class RelationsCluster : IAsyncDisposable
{
    private readonly IHost host;

    private RelationsCluster(IHost host, int checkpointEverySlices)
    {
        this.host = host;
        CheckpointEverySlices = checkpointEverySlices;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Slices between checkpoints for runs this command starts (<see cref="RelationsStorage.EffectiveCheckpointEverySlices"/>).</summary>
    public int CheckpointEverySlices { get; }

    /// <summary>Whether the grains are reached as a client of a running cluster (not an embedded silo).</summary>
    public bool IsClient { get; private init; }

    public static Task<RelationsCluster> ConnectAsync(ClusterTarget target, CancellationToken cancellation) =>
        ConnectAsync(target, RelationsStorage.InMemory, cancellation);

    /// <param name="storage">The embedded silo's storage; a cluster reached as a client has its own.</param>
    public static async Task<RelationsCluster> ConnectAsync(ClusterTarget target, RelationsStorage storage, CancellationToken cancellation)
    {
        IHost Build()
        {
            var builder = Host.CreateApplicationBuilder();
            Quiet(builder.Logging);
            if (target.IsEmbedded)
                builder.AddRelationsSilo(storage);
            else
                builder.AddRelationsClient(target);
            return builder.Build();
        }

        IHost host;
        try
        {
            host = await SiloStart.StartAsync(Build, portsGiven: false, cancellation);
        }
        catch (Exception ex) when (!target.IsEmbedded && ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"cannot reach {target}: {ex.GetBaseException().Message}");
        }
        catch (Exception ex) when (storage.IsDurable && ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"cannot start with Azure Table storage: {ex.GetBaseException().Message}");
        }
        // A cluster reached as a client checkpoints by time (RunRequest's default), whatever its storage.
        return new RelationsCluster(host, target.IsEmbedded ? storage.EffectiveCheckpointEverySlices : storage.CheckpointEverySlices ?? 0)
        {
            IsClient = !target.IsEmbedded,
        };
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
        // Except the one resilience policy's two lines an outage (calls lost with a silo and retried; through again):
        // whoever runs a silo or waits on a command should know why it paused.
        logging.AddFilter("Relations.Grains.GrainCallPolicy", LogLevel.Warning);
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
