namespace Relations.Grains;

/// <summary>
/// A relationship grain's impulses not yet folded into its sweep: day numbers and amounts in two growing arrays, a
/// few bytes an impulse and no object per impulse.
/// </summary>
internal sealed class PendingImpulses
{
    private int[] days = new int[8];
    private double[] amounts = new double[8];
    private int count;

    public void Add(int day, double amount)
    {
        if (count == days.Length)
        {
            Array.Resize(ref days, count * 2);
            Array.Resize(ref amounts, count * 2);
        }
        (days[count], amounts[count]) = (day, amount);
        count++;
    }

    public void Clear() => count = 0;

    /// <summary>Removes and answers, in date order, the impulses dated up to <paramref name="through"/>.</summary>
    public (int[] Days, double[] Amounts) TakeThrough(int through)
    {
        Array.Sort(days, amounts, 0, count);
        var taken = 0;
        while (taken < count && days[taken] <= through)
            taken++;
        var result = (days[..taken], amounts[..taken]);
        Array.Copy(days, taken, days, 0, count - taken);
        Array.Copy(amounts, taken, amounts, 0, count - taken);
        count -= taken;
        return result;
    }
}
