using System.Globalization;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Hosting;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Access;

/// <summary>
/// Limits per identity and minute (<see cref="AccessLimits"/>): runs, ensemble draws and sweep runs, taken from the
/// identity's quota grain before anything starts, so that every dashboard of a cluster counts against one allowance.
/// Over it, <see cref="OverQuotaException"/> becomes 429 with a sentence and <c>Retry-After</c> (PlainErrors), and
/// nothing starts. Work started outside a request (the grains' own) is not limited here.
/// </summary>
public sealed class Quotas(IGrainFactory grains, IOptionsMonitor<RelationsOptions> options, IHttpContextAccessor http)
{
    /// <summary>The identity asking now; null outside a request.</summary>
    public Caller? Current => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? Caller.Of(user) : null;

    /// <summary>Takes <paramref name="count"/> of <paramref name="kind"/> (a <see cref="QuotaKeys"/> kind) from the caller's allowance, or throws.</summary>
    /// <exception cref="OverQuotaException">The allowance of this minute does not have them; nothing was taken.</exception>
    public async Task TakeAsync(string kind, int count)
    {
        if (Current is not { } caller || count <= 0)
            return;
        var limits = options.CurrentValue.Limits;
        var (perMinute, what) = kind switch
        {
            QuotaKeys.Draws => (limits.DrawsPerMinute, "ensemble draws"),
            QuotaKeys.SweepRuns => (limits.SweepRunsPerMinute, "sweep runs"),
            _ => (limits.RunsPerMinute, "runs"),
        };
        if (count > perMinute)
            throw new OverQuotaException(string.Create(CultureInfo.InvariantCulture,
                $"This asks for {count:N0} {what} at once; one person may start at most {perMinute:N0} a minute here, so nothing was started."), TimeSpan.FromMinutes(1));
        var answer = await grains.GetGrain<IQuotaGrain>(QuotaKeys.Of(kind, caller.Id)).TryTake(count, perMinute);
        if (!answer.Granted)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(answer.RetryAfter.TotalSeconds));
            throw new OverQuotaException(string.Create(CultureInfo.InvariantCulture,
                $"You have started as many {what} as one person may in a minute here ({perMinute:N0}), so nothing was started; try again in {seconds} s."),
                TimeSpan.FromSeconds(seconds));
        }
    }
}

/// <summary>Work over an identity's allowance: answered 429 with <c>Retry-After</c> and this sentence.</summary>
public sealed class OverQuotaException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Something the caller's role does not allow, found where it is about to start: answered 403 with this sentence.</summary>
public sealed class RoleRefusedException(string message) : Exception(message);
