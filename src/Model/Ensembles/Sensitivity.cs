using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// How far one swept key moves one dyad. For each value v of the key, M(v) is the dyad's strength averaged over
/// every sample day and over every cell of the grid with the key at v (the other keys' values averaged out, a
/// main effect); <see cref="Swing"/> = max M − min M. <see cref="DaySwing"/> is the same on the single sample day
/// where the key's values lie furthest apart. Strength is the deterministic replay's, or the ensemble mean with draws.
/// </summary>
public sealed record SensitivityRow(
    Dyad Dyad,
    string Key,
    double ValueAtMin,
    double MinStrength,
    double ValueAtMax,
    double MaxStrength,
    double DaySwing,
    DateOnly DaySwingDate)
{
    public double Swing => MaxStrength - MinStrength;
}

/// <summary>Computes the <see cref="SensitivityRow"/>s of a sweep, largest swing first.</summary>
public static class Sensitivity
{
    public static IReadOnlyList<SensitivityRow> Of(SweepResult sweep)
    {
        var first = sweep.Cells[0].Replay;
        var samples = first.Dates.Count;
        var rows = new List<SensitivityRow>();
        for (var a = 0; a < sweep.Grid.Axes.Count; a++)
        {
            var axis = sweep.Grid.Axes[a];
            for (var d = 0; d < first.Dyads.Count; d++)
            {
                // byValue[v][t]: mean strength on day t over the cells with this axis at its v-th value.
                var byValue = new double[axis.Values.Count][];
                for (var v = 0; v < axis.Values.Count; v++)
                {
                    var cells = sweep.Cells.Where(c => c.Cell.Values[a].Equals(axis.Values[v])).ToList();
                    byValue[v] = new double[samples];
                    foreach (var cell in cells)
                    {
                        var strengths = cell.StrengthsOf(d);
                        for (var t = 0; t < samples; t++)
                            byValue[v][t] += strengths[t] / cells.Count;
                    }
                }
                var means = byValue.Select(s => samples == 0 ? 0.0 : s.Average()).ToArray();
                var low = Array.IndexOf(means, means.Min());
                var high = Array.IndexOf(means, means.Max());
                var (daySwing, day) = (0.0, 0);
                for (var t = 0; t < samples; t++)
                {
                    var spread = byValue.Max(s => s[t]) - byValue.Min(s => s[t]);
                    if (spread > daySwing)
                        (daySwing, day) = (spread, t);
                }
                rows.Add(new SensitivityRow(first.Dyads[d].Dyad, axis.Key, axis.Values[low], means[low], axis.Values[high], means[high],
                    daySwing, samples == 0 ? first.Scenario.Period.From : first.Dates[day]));
            }
        }
        return rows.OrderByDescending(r => r.Swing).ThenBy(r => r.Dyad).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }
}
