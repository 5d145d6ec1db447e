using System.Globalization;
using System.Text;
using CsvHelper;
using Relations.Model.Output;

namespace Relations.Model.Ensembles;

/// <summary>
/// Writes <c>sensitivity.csv</c>: one row per dyad and swept key, largest swing first, with the columns of
/// <see cref="SensitivityRow"/> (the measure is described there and in the README, "Uncertainty").
/// </summary>
public static class SensitivityCsv
{
    public static readonly string[] Columns =
        ["actor_a", "actor_b", "key", "swing", "value_at_min", "min_strength", "value_at_max", "max_strength", "day_swing", "day_swing_date"];

    public static void Write(IReadOnlyList<SensitivityRow> rows, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(rows, writer);
    }

    public static void Write(IReadOnlyList<SensitivityRow> rows, TextWriter writer)
    {
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
            csv.NextRecord();
        }
    }
}
