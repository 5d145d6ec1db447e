namespace Relations.Model.Ensembles;

/// <summary>
/// The quantile rule of interfaces.md ("Ensembles"): the QQ % quantile of N values is the value of rank
/// ⌈QQ/100 · N⌉ (1-based) among them sorted ascending, and at least rank 1.
/// </summary>
public static class NearestRank
{
    /// <summary>The percentages ensemble.csv reports, as its column names spell them.</summary>
    public static IReadOnlyList<int> Percents { get; } = [5, 25, 50, 75, 95];

    /// <summary>⌈percent · n / 100⌉ in integers, so no rounding of 0.05 · n can move a rank.</summary>
    public static int Rank(int percent, int n) => Math.Max(1, (int)(((long)percent * n + 99) / 100));

    /// <summary>The quantile of values already sorted ascending.</summary>
    public static double Of(ReadOnlySpan<double> sorted, int percent) => sorted[Rank(percent, sorted.Length) - 1];
}
