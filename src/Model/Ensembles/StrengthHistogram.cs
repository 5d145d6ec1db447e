namespace Relations.Model.Ensembles;

/// <summary>
/// The quantile estimate above the exact limit: counts of a cell's strengths in <see cref="Bins"/> equal bins over
/// the strength index's range (−100, 100). The estimate of a rank is the middle of the bin holding it, kept within
/// the smallest and largest value seen, so it is never more than <see cref="ErrorBound"/> strength points from the
/// exact nearest-rank value, whatever N. No kept library offers a quantile sketch (no t-digest or P² package in
/// the package list); strengths being bounded makes a fixed histogram both simpler and boundable.
/// </summary>
public sealed class StrengthHistogram
{
    public const int Bins = 400;
    private const double Low = -100.0;
    private const double Width = 200.0 / Bins;

    /// <summary>Half a bin: the largest distance between an estimate and the exact quantile.</summary>
    public const double ErrorBound = Width / 2;

    private readonly int[] counts = new int[Bins];
    private double min = double.PositiveInfinity;
    private double max = double.NegativeInfinity;
    private int total;

    public void Add(double strength)
    {
        var bin = Math.Clamp((int)Math.Floor((strength - Low) / Width), 0, Bins - 1);
        counts[bin]++;
        total++;
        min = Math.Min(min, strength);
        max = Math.Max(max, strength);
    }

    public double Estimate(int percent)
    {
        var rank = NearestRank.Rank(percent, total);
        var seen = 0;
        for (var bin = 0; bin < Bins; bin++)
        {
            seen += counts[bin];
            if (seen >= rank)
                return Math.Clamp(Low + (bin + 0.5) * Width, min, max);
        }
        return max;
    }
}
