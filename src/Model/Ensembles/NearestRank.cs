namespace Relations.Model.Ensembles;

/// <summary>
/// The quantile rule of interfaces.md ("Ensembles"): the QQ % quantile of N values is the value of rank
/// ⌈QQ/100 · N⌉ (1-based) among them sorted ascending, and at least rank 1.
/// </summary>
public static class NearestRank
{
    /// <summary>The percentages ensemble.csv reports, as its column names spell them (ascending).</summary>
    public static IReadOnlyList<int> Percents { get; } = [5, 25, 50, 75, 95];

    /// <summary>⌈percent · n / 100⌉ in integers, so no rounding of 0.05 · n can move a rank.</summary>
    public static int Rank(int percent, int n) => Math.Max(1, (int)(((long)percent * n + 99) / 100));

    /// <summary>The quantile of values already sorted ascending.</summary>
    public static double Of(ReadOnlySpan<double> sorted, int percent) => sorted[Rank(percent, sorted.Length) - 1];

    /// <summary>
    /// Every quantile of <see cref="Percents"/> of <paramref name="values"/> (reordered in place) into
    /// <paramref name="quantiles"/>[j][<paramref name="at"/>]: the values sorting would put at those ranks, found by
    /// selection in about 2N comparisons per rank instead of a sort (the ranks ascend, so each search starts where the
    /// last one ended).
    /// </summary>
    public static void Select(Span<double> values, double[][] quantiles, int at)
    {
        var from = 0;
        for (var j = 0; j < Percents.Count; j++)
        {
            var k = Rank(Percents[j], values.Length) - 1;
            quantiles[j][at] = SelectAt(values, from, k);
            from = k;
        }
    }

    /// <summary>
    /// Puts in place <paramref name="k"/> the value sorting would put there, with no smaller value after it and no
    /// larger before it, looking only at [<paramref name="from"/>, end) (everything before is already no larger).
    /// Quickselect with the median of three as pivot (Hoare's partition), finished by insertion sort on short ranges.
    /// </summary>
    private static double SelectAt(Span<double> values, int from, int k)
    {
        var (lo, hi) = (from, values.Length - 1);
        while (hi - lo > 16)
        {
            var mid = lo + (hi - lo) / 2;
            if (values[mid] < values[lo])
                (values[mid], values[lo]) = (values[lo], values[mid]);
            if (values[hi] < values[lo])
                (values[hi], values[lo]) = (values[lo], values[hi]);
            if (values[hi] < values[mid])
                (values[hi], values[mid]) = (values[mid], values[hi]);
            var pivot = values[mid];
            var (i, j) = (lo, hi);
            while (i <= j)
            {
                while (values[i] < pivot)
                    i++;
                while (pivot < values[j])
                    j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
                hi = j;
            else if (k >= i)
                lo = i;
            else
                return values[k];
        }
        values[lo..(hi + 1)].Sort();
        return values[k];
    }
}
