namespace Relations.Model.Ensembles;

/// <summary>
/// The quantile estimate above the exact limit: for each cell, counts of its strengths in <see cref="Bins"/> equal
/// bins over the strength index's range (−100, 100), all cells in one flat array. The estimate of a rank is the middle
/// of the bin holding it, kept within the smallest and largest value seen, so it is never more than
/// <see cref="ErrorBound"/> strength points from the exact nearest-rank value, whatever N. No kept library offers a
/// quantile sketch (no t-digest or P² package in the package list); strengths being bounded makes a fixed histogram
/// both simpler and boundable.
/// </summary>
public sealed class StrengthHistograms(int cells)
{
    public const int Bins = 400;
    private const double Low = -100.0;
    private const double Width = 200.0 / Bins;

    /// <summary>Half a bin: the largest distance between an estimate and the exact quantile.</summary>
    public const double ErrorBound = Width / 2;

    private readonly int[] counts = new int[checked(cells * Bins)];
    private readonly double[] min = Enumerable.Repeat(double.PositiveInfinity, cells).ToArray();
    private readonly double[] max = Enumerable.Repeat(double.NegativeInfinity, cells).ToArray();
    private int total;

    /// <summary>Counts one draw: a strength for every cell.</summary>
    public void Add(ReadOnlySpan<double> strengths)
    {
        for (var cell = 0; cell < strengths.Length; cell++)
        {
            var strength = strengths[cell];
            counts[cell * Bins + Math.Clamp((int)Math.Floor((strength - Low) / Width), 0, Bins - 1)]++;
            min[cell] = Math.Min(min[cell], strength);
            max[cell] = Math.Max(max[cell], strength);
        }
        total++;
    }

    public double Estimate(int cell, int percent)
    {
        var rank = NearestRank.Rank(percent, total);
        var seen = 0;
        for (var bin = 0; bin < Bins; bin++)
        {
            seen += counts[cell * Bins + bin];
            if (seen >= rank)
                return Math.Clamp(Low + (bin + 0.5) * Width, min[cell], max[cell]);
        }
        return max[cell];
    }
}
