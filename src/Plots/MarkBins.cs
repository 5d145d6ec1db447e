namespace Relations.Plots;

/// <summary>
/// Marks the eye cannot tell apart are drawn once: x positions binned to half a pixel of the image the plot is laid out
/// for, the first position of each bin kept. However many occurrences are offered, at most about twice the image's
/// width of marks of one kind are drawn, so a plot's cost grows with what it can show, not with the events behind it.
/// Positions outside the plotted range share the bin at that edge.
/// </summary>
internal sealed class MarkBins(double from, double to, int widthPx)
{
    private readonly double binWidth = Math.Max(to - from, double.Epsilon) / (2.0 * Math.Max(widthPx, 1));
    private readonly int lastBin = 2 * Math.Max(widthPx, 1);
    private readonly HashSet<int> taken = [];
    private readonly List<double> kept = [];

    /// <summary>The positions kept, one per bin, in the order they came.</summary>
    public IReadOnlyList<double> Kept => kept;

    public int Count => kept.Count;

    /// <summary>How many occurrences the positions offered stand for, kept or not.</summary>
    public long Offered { get; private set; }

    /// <summary>Offers a position standing for <paramref name="occurrences"/> occurrences; true when it is kept (no earlier position fell in its bin).</summary>
    public bool Take(double x, int occurrences = 1)
    {
        Offered += occurrences;
        var bin = (int)Math.Clamp(Math.Floor((x - from) / binWidth), -1, lastBin + 1);
        if (!taken.Add(bin))
            return false;
        kept.Add(x);
        return true;
    }
}
