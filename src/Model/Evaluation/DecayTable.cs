using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// 2^(−E/H) for the streaming sweep (model.md, E): whole uninterrupted spans of k days read a table of 2^(−k/H),
/// computed with the same expression as <see cref="StrengthModel.Decay"/>, so they equal it exactly; spans with
/// interrupted days are computed directly.
/// </summary>
public sealed class DecayTable
{
    /// <summary>Spans longer than this are computed, so a scenario over centuries does not fill memory.</summary>
    private const int MaxTabled = 1 << 16;

    private readonly double[] table;
    private readonly ModelParameters model;

    public DecayTable(ModelParameters model, int longestSpan)
    {
        this.model = model;
        table = new double[Math.Clamp(longestSpan + 1, 1, MaxTabled)];
        for (var k = 0; k < table.Length; k++)
            table[k] = StrengthModel.Decay(k, model);
    }

    public ModelParameters Model => model;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(double HalfLife, int Span), DecayTable> SharedTables = new();

    /// <summary>
    /// A table shared by every caller with the same half-life and span (the relationship grains of a run), so ten
    /// thousand grains hold one table, not ten thousand; only the half-life enters the table.
    /// </summary>
    public static DecayTable Shared(ModelParameters model, int longestSpan)
    {
        if (SharedTables.Count > 64)
            SharedTables.Clear();
        return SharedTables.GetOrAdd((model.HalfLifeDays, longestSpan), _ => new DecayTable(model, longestSpan));
    }

    /// <summary>The share of a sum left from day <paramref name="a"/> to day <paramref name="b"/> (a ≤ b) under a dyad's calendar.</summary>
    public double Between(int a, int b, InterruptionCalendar calendar)
    {
        var days = b - a;
        var extra = calendar.ExtraDays(a, b);
        if (extra == 0.0)
            return days < table.Length ? table[days] : StrengthModel.Decay(days, model);
        return StrengthModel.Decay(days + extra, model);
    }
}
