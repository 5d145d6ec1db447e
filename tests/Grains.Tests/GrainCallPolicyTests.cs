using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Relations.Grains.Tests;

/// <summary>
/// The one resilience policy retries a call lost with a silo — as Orleans reports it: refused by a silo that went
/// away, or unanswered — until it goes through, logging the outage once; a bug (any other exception) is the call's
/// answer at once.
/// </summary>
public sealed class GrainCallPolicyTests
{
    private readonly Lines log = new();

    [Fact]
    public async Task A_call_lost_with_a_silo_is_retried_until_it_goes_through()
    {
        var policy = new GrainCallPolicy(TimeProvider.System) { Logger = log };
        var attempts = 0;

        var answer = await policy.CallAsync(() => ++attempts switch
        {
            1 => throw new SiloUnavailableException("The target silo became unavailable for message"),
            2 => throw new TimeoutException("Response did not arrive on time"),
            _ => Task.FromResult(42),
        });

        Assert.Equal(42, answer);
        Assert.Equal(3, attempts);
        Assert.Collection(log.All,
            begun => Assert.StartsWith("Grain calls are lost with a silo (The target silo became unavailable", begun),
            over => Assert.StartsWith("Grain calls go through again after ", over));
    }

    [Fact]
    public async Task A_bug_is_not_retried()
    {
        var policy = new GrainCallPolicy(TimeProvider.System) { Logger = log };
        var attempts = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => policy.CallAsync<int>(() =>
        {
            attempts++;
            throw new InvalidOperationException("run r-1 has no results: it is running");
        }));

        Assert.Equal("run r-1 has no results: it is running", error.Message);
        Assert.Equal(1, attempts);
        Assert.Empty(log.All);
    }

    [Fact]
    public async Task Calls_retried_together_are_one_outage_in_the_log()
    {
        var policy = new GrainCallPolicy(TimeProvider.System) { Logger = log };
        var refusedBoth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = 0;

        // Each call is refused once; the second refusal lets both through, so both are retried in the same outage.
        Task<int> Call() => policy.CallAsync(async () =>
        {
            if (Interlocked.Increment(ref refused) is var n && n <= 2)
            {
                if (n == 2)
                    refusedBoth.SetResult();
                throw new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to 127.0.0.1:11111");
            }
            await refusedBoth.Task;
            return 1;
        });

        var answers = await Task.WhenAll(Call(), Call());
        Assert.Equal(new[] { 1, 1 }, answers);
        Assert.Collection(log.All,
            begun => Assert.StartsWith("Grain calls are lost with a silo (Unable to connect to 127.0.0.1:11111)", begun),
            over => Assert.StartsWith("Grain calls go through again after ", over));
        Assert.EndsWith("(2 call(s) retried)", log.All[1]);
    }

    private sealed class Lines : ILogger
    {
        private readonly ConcurrentQueue<string> lines = new();

        public IReadOnlyList<string> All => [.. lines];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
