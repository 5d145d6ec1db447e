using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// A relationship grain's impulses not yet folded into its sweep: day numbers, amounts and certainty parts in growing
/// arrays, a few bytes an impulse and no object per impulse.
/// </summary>
internal sealed class PendingImpulses
{
    private int[] days = new int[8];
    private double[] amounts = new double[8];
    private Certainty[] levels = new Certainty[8];
    private int count;

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

    /// <summary>Removes and answers, in date order (arrival order within a day), the impulses dated up to <paramref name="through"/>.</summary>
    public (int[] Days, double[] Amounts, Certainty[] Levels) TakeThrough(int through)
    {
        var keys = new long[count];
        for (var i = 0; i < count; i++)
            keys[i] = ((long)days[i] << 32) | (uint)i;
        Array.Sort(keys);
        var taken = 0;
        while (taken < count && (int)(keys[taken] >> 32) <= through)
            taken++;
        var result = (new int[taken], new double[taken], new Certainty[taken]);
        for (var k = 0; k < taken; k++)
        {
            var i = (int)(uint)keys[k];
            (result.Item1[k], result.Item2[k], result.Item3[k]) = (days[i], amounts[i], levels[i]);
        }
        var (restDays, restAmounts, restLevels) = (new int[Math.Max(8, count - taken)], new double[Math.Max(8, count - taken)], new Certainty[Math.Max(8, count - taken)]);
        for (var k = taken; k < count; k++)
        {
            var i = (int)(uint)keys[k];
            (restDays[k - taken], restAmounts[k - taken], restLevels[k - taken]) = (days[i], amounts[i], levels[i]);
        }
        (days, amounts, levels, count) = (restDays, restAmounts, restLevels, count - taken);
        return result;
    }
}
