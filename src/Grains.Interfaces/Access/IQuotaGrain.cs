namespace Relations.Grains.Interfaces;

/// <summary>
/// One identity's allowance of one kind of work per minute (key <c>KIND~IDENTITY</c>, <see cref="QuotaKeys"/>): a token
/// bucket that every dashboard of the cluster draws from, so two dashboards do not double anyone's allowance.
/// </summary>
[Alias("relations.IQuotaGrain")]
public interface IQuotaGrain : IGrainWithStringKey
{
    /// <summary>Takes <paramref name="count"/> from the allowance of <paramref name="perMinute"/>, or nothing and says when to retry.</summary>
    [Alias("TryTake")]
    Task<QuotaAnswer> TryTake(int count, int perMinute);
}

/// <summary>Whether the work may start; when not, after how long the allowance will have it.</summary>
[GenerateSerializer, Immutable, Alias("relations.quota-answer")]
public sealed record QuotaAnswer(
    [property: Id(0)] bool Granted,
    [property: Id(1)] TimeSpan RetryAfter);

/// <summary>The kinds of work limited per identity and minute, and the quota grain keys.</summary>
public static class QuotaKeys
{
    public const string Runs = "runs";
    public const string Draws = "draws";
    public const string SweepRuns = "sweep-runs";

    public static string Of(string kind, string identity) => $"{kind}{GrainKeys.Separator}{identity}";
}
