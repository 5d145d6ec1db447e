using System.Globalization;
using System.Text;
using CsvHelper;
using Relations.Model.Evaluation;

namespace Relations.Model.Output;

/// <summary>One dyad on one day in two results: base and other strength, and their difference (other − base).</summary>
public sealed record ComparisonRow(Dyad Dyad, DateOnly Date, double BaseStrength, double OtherStrength)
{
    public double Delta => OtherStrength - BaseStrength;
}

/// <summary>
/// Lines up two results (a scenario and its what-if, or any two) by dyad and sample day. A dyad missing from one
/// side has no events there, so its strength there is 0; only the sample days both share are compared.
/// </summary>
public static class Comparison
{
    public static IReadOnlyList<ComparisonRow> Rows(SeriesResult baseResult, SeriesResult other)
    {
        var days = baseResult.Dates.Intersect(other.Dates).Order().ToArray();
        var baseIndex = Index(baseResult);
        var otherIndex = Index(other);
        var baseDay = DayIndex(baseResult);
        var otherDay = DayIndex(other);
        var rows = new List<ComparisonRow>();
        foreach (var dyad in baseIndex.Keys.Union(otherIndex.Keys).Order())
        {
            foreach (var day in days)
                rows.Add(new ComparisonRow(dyad, day,
                    baseIndex.TryGetValue(dyad, out var b) ? b.Strengths[baseDay[day]] : 0.0,
                    otherIndex.TryGetValue(dyad, out var o) ? o.Strengths[otherDay[day]] : 0.0));
        }
        return rows;
    }

    /// <summary>Writes <c>compare.csv</c> (interfaces.md): actor_a, actor_b, date, base_strength, other_strength, delta.</summary>
    public static void WriteCsv(IEnumerable<ComparisonRow> rows, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in (string[])["actor_a", "actor_b", "date", "base_strength", "other_strength", "delta"])
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in rows)
        {
            csv.WriteField(row.Dyad.A);
            csv.WriteField(row.Dyad.B);
            csv.WriteField(SeriesCsv.Format(row.Date));
            csv.WriteField(SeriesCsv.Format(row.BaseStrength));
            csv.WriteField(SeriesCsv.Format(row.OtherStrength));
            csv.WriteField(SeriesCsv.Format(row.Delta));
            csv.NextRecord();
        }
    }

    private static Dictionary<Dyad, DyadSeries> Index(SeriesResult result) => result.Dyads.ToDictionary(d => d.Dyad);

    private static Dictionary<DateOnly, int> DayIndex(SeriesResult result) =>
        result.Dates.Select((day, i) => (day, i)).ToDictionary(x => x.day, x => x.i);
}
