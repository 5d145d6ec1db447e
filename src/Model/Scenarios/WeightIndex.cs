using System.Runtime.CompilerServices;

namespace Relations.Model.Scenarios;

/// <summary>
/// Kind → weight lookups in constant time for a weights list, built once per list and kept beside it (not in
/// <see cref="ModelParameters"/>, whose record equality must see only its values). A file may add tens of
/// thousands of kinds; a linear search per event would make validation quadratic.
/// </summary>
internal static class WeightIndex
{
    private static readonly ConditionalWeakTable<ValueList<KeyValuePair<string, double>>, Dictionary<string, double>> Indexes = [];

    public static Dictionary<string, double> Of(ValueList<KeyValuePair<string, double>> weights) =>
        Indexes.GetValue(weights, static w =>
        {
            var index = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (kind, weight) in w)
                index.TryAdd(kind, weight);
            return index;
        });

    /// <summary><paramref name="weights"/> with <paramref name="overrides"/> laid on top: replaced in place, new kinds appended, in one pass.</summary>
    public static ValueList<KeyValuePair<string, double>> Merge(
        IEnumerable<KeyValuePair<string, double>> weights, IEnumerable<KeyValuePair<string, double>> overrides)
    {
        var merged = weights.ToList();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
            positions.TryAdd(merged[i].Key, i);
        foreach (var (kind, weight) in overrides)
        {
            if (positions.TryGetValue(kind, out var index))
                merged[index] = new(kind, weight);
            else
            {
                positions[kind] = merged.Count;
                merged.Add(new(kind, weight));
            }
        }
        return merged.ToValueList();
    }
}
