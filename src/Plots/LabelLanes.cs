namespace Relations.Plots;

/// <summary>Where one label goes: its lane (0 = lowest) and whether it extends left of its marker.</summary>
internal readonly record struct LanePlacement(int Lane, bool ExtendsLeft);

/// <summary>
/// Stacks horizontal labels in lanes above the curves. Each label sits at the top of its marker line, and the line
/// rises through the lanes below it. Labels are placed in the order given (most important first), each in the lowest
/// lane, extending right of its marker or else left, where it overlaps no other label and no line crosses it or is
/// crossed by it; when a crowd leaves no such place, in the lowest place where it merely overlaps no label (its
/// opaque background then hides the lines behind it).
/// </summary>
internal static class LabelLanes
{
    /// <returns>One placement per label, or null for a label that fits in none of <paramref name="maxLanes"/> lanes.</returns>
    public static LanePlacement?[] Assign(IReadOnlyList<(double X, double Width)> labels, double left, double right, int maxLanes, double gap)
    {
        var placed = new List<(double X, double From, double To, int Lane)>();
        var result = new LanePlacement?[labels.Count];
        for (var index = 0; index < labels.Count; index++)
        {
            var (x, width) = labels[index];
            var candidates = Enumerable.Range(0, maxLanes)
                .SelectMany(lane => new[] { new LanePlacement(lane, false), new LanePlacement(lane, true) })
                .Where(c => c.ExtendsLeft ? x - width >= left : x + width <= right)
                .ToList();
            (double From, double To) Extent(LanePlacement c) => c.ExtendsLeft ? (x - width, x) : (x, x + width);
            bool Free(LanePlacement c)
            {
                var (from, to) = Extent(c);
                return placed.All(p => !(p.Lane == c.Lane && from < p.To + gap && p.From < to + gap));
            }
            bool Uncrossed(LanePlacement c)
            {
                var (from, to) = Extent(c);
                return placed.All(p =>
                    !(p.Lane < c.Lane && p.From < x && x < p.To + gap)
                    && !(p.Lane >= c.Lane && from < p.X && p.X < to + gap && p.X != x));
            }
            var chosen = candidates.Where(c => Free(c) && Uncrossed(c)).Cast<LanePlacement?>().FirstOrDefault()
                ?? candidates.Where(Free).Cast<LanePlacement?>().FirstOrDefault();
            if (chosen is not { } placement)
                continue;
            var (f, t) = Extent(placement);
            placed.Add((x, f, t, placement.Lane));
            result[index] = placement;
        }
        return result;
    }
}
