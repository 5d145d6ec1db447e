using Microsoft.Extensions.Hosting;
using Polly;
using Polly.Retry;

namespace Relations.Hosting;

/// <summary>
/// Starts a host with a silo whose ports it took (<see cref="SiloPorts"/>). Between handing a port to Orleans and
/// Orleans binding it, another process starting at the same moment can take it; that start fails with the port lost
/// and is made again — a new host, on other ports — a few times (Polly). When the user gave the ports, losing one is
/// theirs to fix: a <see cref="PortTakenException"/> says so in one sentence.
/// </summary>
public static class SiloStart
{
    private const int Attempts = 5;

    private static readonly ResiliencePipeline LostPort = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(error => error is not PortTakenException && SiloPorts.IsPortLost(error)),
            MaxRetryAttempts = Attempts - 1,
            Delay = TimeSpan.FromMilliseconds(50),
            BackoffType = DelayBackoffType.Constant,
            UseJitter = true,
        })
        .Build();

    /// <summary>Builds (<paramref name="build"/>, which takes the ports) and starts the host; the caller owns it.</summary>
    /// <param name="portsGiven">Whether the user gave the ports (a lost one is then not retried).</param>
    public static async Task<IHost> StartAsync(Func<IHost> build, bool portsGiven, CancellationToken cancellation) =>
        await LostPort.ExecuteAsync(async token =>
        {
            var host = build();
            try
            {
                await host.StartAsync(token);
                return host;
            }
            catch (Exception error)
            {
                host.Dispose();
                if (portsGiven && SiloPorts.IsPortLost(error))
                    throw new PortTakenException("a port given by --silo-port or --gateway-port was taken by another program as the silo started; give free ports, or leave them out to have them chosen");
                throw;
            }
        }, cancellation);
}
