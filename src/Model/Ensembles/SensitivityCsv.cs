using System.Globalization;
using System.Text;
using CsvHelper;
using Relations.Model.Output;
using Relations.Model.Scenarios;

namespace Relations.Model.Ensembles;

/// <summary>
/// Writes <c>sensitivity.csv</c>: one row per dyad and swept key, largest swing first, with the columns of
/// <see cref="SensitivityRow"/> (the measure is described there and in the README, "Uncertainty").
/// </summary>
public static class SensitivityCsv
{
    public static readonly string[] Columns =
        ["actor_a", "actor_b", "key", "swing", "value_at_min", "min_strength", "value_at_max", "max_strength", "day_swing", "day_swing_date", "name_a", "name_b"];

    public static void Write(IReadOnlyList<SensitivityRow> rows, Scenario scenario, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(rows, scenario, writer);
    }

    /// <param name="scenario">The swept scenario, whose actors' names follow the measure.</param>
    public static void Write(IReadOnlyList<SensitivityRow> rows, Scenario scenario, TextWriter writer)
    {
        var names = SeriesCsv.Names(scenario);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns)
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.Dyad.A);
            csv.WriteField(row.Dyad.B);
            csv.WriteField(row.Key);
            csv.WriteField(SeriesCsv.Format(row.Swing));
            csv.WriteField(SeriesCsv.Format(row.ValueAtMin));
            csv.WriteField(SeriesCsv.Format(row.MinStrength));
            csv.WriteField(SeriesCsv.Format(row.ValueAtMax));
            csv.WriteField(SeriesCsv.Format(row.MaxStrength));
            csv.WriteField(SeriesCsv.Format(row.DaySwing));
            csv.WriteField(SeriesCsv.Format(row.DaySwingDate));
            csv.WriteField(names[row.Dyad.A]);
            csv.WriteField(names[row.Dyad.B]);
            csv.NextRecord();
        }
    }
}
