using System.Text;
using CsvHelper;
using Relations.Model.Output;

namespace Relations.Model.Ensembles;

/// <summary>
/// Writes <c>ensemble.csv</c> (interfaces.md, "Ensembles"): one row per dyad and sample day, in series.csv's order
/// and formats, with the deterministic replay's strength and score, the draws' statistics, the number of draws, and
/// <c>estimate</c> — <c>false</c> when the quantiles are exact, <c>true</c> when they are the histogram estimate
/// of <see cref="StrengthHistograms"/> (within ± <see cref="StrengthHistograms.ErrorBound"/> strength points) —
/// then, as series.csv, the scenario's id and the two actors' names (a reader of the file sees who, not only ids).
/// </summary>
public static class EnsembleCsv
{
    /// <summary>The ensemble's columns after actor_a, actor_b and date, as ensemble.csv and sweep.csv with draws write them.</summary>
    public static readonly string[] StatisticColumns =
    [
        "strength", "score", "score_mean", "score_sd", "strength_mean",
        .. NearestRank.Percents.Select(p => $"strength_p{p:00}"),
        "draws", "estimate",
    ];

    public static void Write(EnsembleResult ensemble, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(ensemble, writer);
    }

    public static void Write(EnsembleResult ensemble, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in (string[])["actor_a", "actor_b", "date", .. StatisticColumns, "scenario", "name_a", "name_b"])
            csv.WriteField(column);
        csv.NextRecord();
        var names = SeriesCsv.Names(ensemble.Deterministic.Scenario);
        for (var d = 0; d < ensemble.Bands.Count; d++)
        {
            for (var t = 0; t < ensemble.Deterministic.Dates.Count; t++)
            {
                WriteRow(csv, ensemble, d, t);
                csv.WriteField(ensemble.Deterministic.Scenario.Id);
                csv.WriteField(names[ensemble.Bands[d].Dyad.A]);
                csv.WriteField(names[ensemble.Bands[d].Dyad.B]);
                csv.NextRecord();
            }
        }
    }

    /// <summary>actor_a, actor_b, date and the <see cref="StatisticColumns"/> of dyad <paramref name="d"/> on sample <paramref name="t"/>.</summary>
    public static void WriteRow(CsvWriter csv, EnsembleResult ensemble, int d, int t)
    {
        var band = ensemble.Bands[d];
        var replay = ensemble.Deterministic.Dyads[d];
        csv.WriteField(band.Dyad.A);
        csv.WriteField(band.Dyad.B);
        csv.WriteField(SeriesCsv.Format(ensemble.Deterministic.Dates[t]));
        csv.WriteField(SeriesCsv.Format(replay.Strengths[t]));
        csv.WriteField(SeriesCsv.Format(replay.Scores[t]));
        csv.WriteField(SeriesCsv.Format(band.ScoreMean[t]));
        csv.WriteField(SeriesCsv.Format(band.ScoreSd[t]));
        csv.WriteField(SeriesCsv.Format(band.StrengthMean[t]));
        foreach (var quantile in band.Quantiles)
            csv.WriteField(SeriesCsv.Format(quantile[t]));
        csv.WriteField(ensemble.Draws.ToString(System.Globalization.CultureInfo.InvariantCulture));
        csv.WriteField(ensemble.Estimated ? "true" : "false");
    }
}
