using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace Relations.Grains;

/// <summary>
/// The project's one resilience policy (Polly): what may be retried when a grain is called — a call refused or lost
/// because a silo went away (its gateway, the silo holding the grain or its directory entry), until the cluster has
/// noticed and the call finds its way — how often, and after which pauses. Every client call and every grain that
/// retries goes through <see cref="Shared"/>; any other failure is the call's answer at once, never retried, so a bug
/// is never hidden. An outage is logged once: when the first call is retried, and when calls go through again.
/// </summary>
public sealed class GrainCallPolicy
{
    /// <summary>Tries after the first; with the pauses below they cover about a minute, the longest a lost silo takes to be noticed.</summary>
    public const int MaxRetries = 32;

    /// <summary>The first pause; each next one doubles, up to <see cref="LongestDelay"/>, with jitter so that many callers do not retry in step.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);

    private static readonly ResiliencePropertyKey<bool> Retried = new("relations.retried");

    private readonly ResiliencePipeline pipeline;
    private readonly object gate = new();
    private int retrying;
    private int retried;
    private DateTimeOffset since;

    /// <param name="clock">Whose time the pauses are taken on.</param>
    public GrainCallPolicy(TimeProvider clock) =>
        pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsLostSilo),
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = FirstDelay,
                MaxDelay = LongestDelay,
                UseJitter = true,
                OnRetry = retry =>
                {
                    if (!retry.Context.Properties.GetValue(Retried, false))
                    {
                        retry.Context.Properties.Set(Retried, true);
                        OutageBegins(retry.Outcome.Exception);
                    }
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>The policy every caller of the process shares (an outage is the process's).</summary>
    public static GrainCallPolicy Shared { get; } = new(TimeProvider.System);

    /// <summary>Where the outage lines go: the host's logging, once it is built (nowhere until then).</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// Whether <paramref name="error"/> says the call was lost with a silo, not answered: refused by a silo or gateway
    /// that is going away (<see cref="SiloUnavailableException"/> is one), a connection that failed, no answer in time
    /// (the silo vanished without closing its connection), or a gateway shedding load.
    /// </summary>
    public static bool IsLostSilo(Exception error) =>
        error is OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException or TimeoutException or GatewayTooBusyException;

    /// <summary>Calls <paramref name="call"/>, again after a pause while it is lost with a silo (<see cref="IsLostSilo"/>).</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellation = default)
    {
        var context = ResilienceContextPool.Shared.Get(cancellation);
        var answered = false;
        try
        {
            var answer = await pipeline.ExecuteAsync(static async (_, call) => await call(), context, call);
            answered = true;
            return answer;
        }
        finally
        {
            if (context.Properties.GetValue(Retried, false))
                OutageEnds(answered);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc cref="CallAsync{T}(Func{Task{T}}, CancellationToken)"/>
    public Task CallAsync(Func<Task> call, CancellationToken cancellation = default) =>
        CallAsync(async () =>
        {
            await call();
            return true;
        }, cancellation);

    private void OutageBegins(Exception? error)
    {
        lock (gate)
        {
            retried++;
            if (retrying++ > 0)
                return;
            since = DateTimeOffset.UtcNow;
        }
        Logger.LogWarning("Grain calls are lost with a silo ({Reason}); retrying them for up to a minute while the cluster notices",
            error?.GetBaseException().Message ?? "no answer");
    }

    private void OutageEnds(bool answered)
    {
        int calls;
        TimeSpan lasted;
        lock (gate)
        {
            if (--retrying > 0)
                return;
            (calls, retried, lasted) = (retried, 0, DateTimeOffset.UtcNow - since);
        }
        if (answered)
            Logger.LogWarning("Grain calls go through again after {Duration:g} ({Calls} call(s) retried)", lasted, calls);
        else
            Logger.LogWarning("Grain calls lost with a silo: the last retried call gave up after {Duration:g} ({Calls} call(s) retried)", lasted, calls);
    }
}
