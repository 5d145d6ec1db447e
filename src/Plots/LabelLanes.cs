namespace Relations.Plots;

/// <summary>Where one label goes: its lane (0 = lowest) and whether it extends left of its marker.</summary>
internal readonly record struct LanePlacement(int Lane, bool ExtendsLeft);

/// <summary>
/// Stacks horizontal labels in lanes so none overlap: each label, in order of its marker's x, takes the lowest lane
/// with room; a label that would run past the right edge extends to the left of its marker instead.
/// </summary>
internal static class LabelLanes
{
    /// <returns>One placement per label, or null for a label that fits in none of <paramref name="maxLanes"/> lanes.</returns>
    public static LanePlacement?[] Assign(IReadOnlyList<(double X, double Width)> labels, double right, int maxLanes, double gap)
    {
        var lanes = new List<List<(double From, double To)>>();
        var result = new LanePlacement?[labels.Count];
        foreach (var index in Enumerable.Range(0, labels.Count).OrderBy(i => labels[i].X))
        {
            var (x, width) = labels[index];
            var extendsLeft = x + width > right;
            var (from, to) = extendsLeft ? (x - width, x) : (x, x + width);
            for (var lane = 0; lane < maxLanes; lane++)
            {
                if (lane == lanes.Count)
                    lanes.Add([]);
                if (lanes[lane].Any(taken => from < taken.To + gap && taken.From < to + gap))
                    continue;
                lanes[lane].Add((from, to));
                result[index] = new LanePlacement(lane, extendsLeft);
                break;
            }
        }
        return result;
    }
}
