using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// A held dyad's impulses not yet folded into its sweep: day numbers, amounts and certainty parts in growing
/// arrays, a few bytes an impulse and no object per impulse.
/// </summary>
internal sealed class PendingImpulses
{
    private int[] days = new int[8];
    private double[] amounts = new double[8];
    private Certainty[] levels = new Certainty[8];
    private int count;

    /// <summary>
    /// Where <see cref="TakeThrough"/> sorts: one set per thread, since a sweep uses what it takes before the thread
    /// does anything else, so ten thousand dyads need no sorting space of their own.
    /// </summary>
    [ThreadStatic] private static long[]? keys;
    [ThreadStatic] private static int[]? sortedDays;
    [ThreadStatic] private static double[]? sortedAmounts;
    [ThreadStatic] private static Certainty[]? sortedLevels;

    public int Count => count;

    public void Add(int day, double amount, Certainty level)
    {
        if (count == days.Length)
        {
            Array.Resize(ref days, count * 2);
            Array.Resize(ref amounts, count * 2);
            Array.Resize(ref levels, count * 2);
        }
        (days[count], amounts[count], levels[count]) = (day, amount, level);
        count++;
    }

    public void Clear() => count = 0;

    /// <summary>
    /// Removes the impulses dated up to <paramref name="through"/> and answers them in date order (arrival order within
    /// a day), in this thread's sorting space: valid until the thread takes again, so use them at once.
    /// </summary>
    public (ReadOnlyMemory<int> Days, ReadOnlyMemory<double> Amounts, ReadOnlyMemory<Certainty> Levels) TakeThrough(int through)
    {
        if (keys is null || keys.Length < count)
        {
            var size = Math.Max(count, 256);
            (keys, sortedDays, sortedAmounts, sortedLevels) = (new long[size], new int[size], new double[size], new Certainty[size]);
        }
        for (var i = 0; i < count; i++)
            keys[i] = ((long)days[i] << 32) | (uint)i;
        Array.Sort(keys, 0, count);
        var taken = 0;
        for (var k = 0; k < count; k++)
        {
            var i = (int)(uint)keys[k];
            (sortedDays![k], sortedAmounts![k], sortedLevels![k]) = (days[i], amounts[i], levels[i]);
            if (days[i] <= through)
                taken++;
        }
        // The rest stay, in date order.
        var rest = count - taken;
        Array.Copy(sortedDays!, taken, days, 0, rest);
        Array.Copy(sortedAmounts!, taken, amounts, 0, rest);
        Array.Copy(sortedLevels!, taken, levels, 0, rest);
        count = rest;
        return (sortedDays.AsMemory(0, taken), sortedAmounts.AsMemory(0, taken), sortedLevels.AsMemory(0, taken));
    }
}
