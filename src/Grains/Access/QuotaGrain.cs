using System.Threading.RateLimiting;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// One identity's allowance of one kind of work (<see cref="IQuotaGrain"/>): a fixed one-minute window of
/// System.Threading.RateLimiting (the limiter ASP.NET Core's rate limiting is built on). Kept in memory only: an
/// activation that is collected or lost starts a fresh window, which never allows more than a minute's worth.
/// </summary>
public sealed class QuotaGrain : Grain, IQuotaGrain
{
    private FixedWindowRateLimiter? limiter;
    private int limit;

    public Task<QuotaAnswer> TryTake(int count, int perMinute)
    {
        if (limiter is null || limit != perMinute)
        {
            limiter?.Dispose();
            limit = perMinute;
            limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
        using var lease = limiter.AttemptAcquire(count);
        if (lease.IsAcquired)
            return Task.FromResult(new QuotaAnswer(true, TimeSpan.Zero));
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return Task.FromResult(new QuotaAnswer(false, retryAfter));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        limiter?.Dispose();
        return Task.CompletedTask;
    }
}
