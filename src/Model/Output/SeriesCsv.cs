using System.Globalization;
using System.Text;
using CsvHelper;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Output;

/// <summary>
/// Writes <c>series.csv</c> (interfaces.md): UTF-8, a header row, one row per dyad and sample day, actor_a &lt;
/// actor_b in ordinal order, dates as yyyy-MM-dd, numbers in round-trip format; R's certainty parts right after the
/// score (model.md rule 9, interfaces.md 1.2: they add up to it); then the scenario and the actors' display names.
/// </summary>
public static class SeriesCsv
{
    public static readonly string[] Columns =
        ["actor_a", "actor_b", "date", "score", "score_reported", "score_inferred", "score_assumed", "strength", "scenario", "name_a", "name_b"];

    public static void Write(SeriesResult result, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in Columns)
            csv.WriteField(column);
        csv.NextRecord();
        var names = Names(result.Scenario);
        foreach (var series in result.Dyads.OrderBy(s => s.Dyad))
        {
            for (var i = 0; i < result.Dates.Count; i++)
            {
                csv.WriteField(series.Dyad.A);
                csv.WriteField(series.Dyad.B);
                csv.WriteField(Format(result.Dates[i]));
                csv.WriteField(Format(series.Scores[i]));
                csv.WriteField(Format(series.Parts.Reported[i]));
                csv.WriteField(Format(series.Parts.Inferred[i]));
                csv.WriteField(Format(series.Parts.Assumed[i]));
                csv.WriteField(Format(series.Strengths[i]));
                csv.WriteField(result.Scenario.Id);
                csv.WriteField(names[series.Dyad.A]);
                csv.WriteField(names[series.Dyad.B]);
                csv.NextRecord();
            }
        }
    }

    public static void Write(SeriesResult result, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(result, writer);
    }

    /// <summary>Each actor's display name by id: the name_a and name_b columns of series.csv, ensemble.csv and sensitivity.csv.</summary>
    public static Dictionary<string, string> Names(Scenario scenario) =>
        scenario.Actors.ToDictionary(a => a.Id, a => a.DisplayName, StringComparer.Ordinal);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
