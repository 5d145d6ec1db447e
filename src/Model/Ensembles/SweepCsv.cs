using System.Globalization;
using System.Text;
using CsvHelper;
using Relations.Model.Output;

namespace Relations.Model.Ensembles;

/// <summary>
/// Writes <c>sweep.csv</c> (interfaces.md, "Sweeps"): <c>cell</c>, one column per swept key named as given, then
/// actor_a, actor_b, date, score, strength — or, for a sweep with draws, the ensemble columns of
/// <see cref="EnsembleCsv"/> — one row per cell, dyad and sample day, cells in grid order.
/// </summary>
public static class SweepCsv
{
    public static void Write(SweepResult sweep, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Write(sweep, writer);
    }

    public static void Write(SweepResult sweep, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        var withDraws = sweep.Cells.Any(c => c.Ensemble is not null);
        csv.WriteField("cell");
        foreach (var axis in sweep.Grid.Axes)
            csv.WriteField(axis.Key);
        foreach (var column in withDraws ? ["actor_a", "actor_b", "date", .. EnsembleCsv.StatisticColumns] : (string[])["actor_a", "actor_b", "date", "score", "strength"])
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var cell in sweep.Cells)
        {
            var replay = cell.Replay;
            for (var d = 0; d < replay.Dyads.Count; d++)
            {
                for (var t = 0; t < replay.Dates.Count; t++)
                {
                    csv.WriteField(cell.Cell.Index.ToString(CultureInfo.InvariantCulture));
                    foreach (var value in cell.Cell.Values)
                        csv.WriteField(SeriesCsv.Format(value));
                    if (cell.Ensemble is { } ensemble)
                        EnsembleCsv.WriteRow(csv, ensemble, d, t);
                    else
                    {
                        csv.WriteField(replay.Dyads[d].Dyad.A);
                        csv.WriteField(replay.Dyads[d].Dyad.B);
                        csv.WriteField(SeriesCsv.Format(replay.Dates[t]));
                        csv.WriteField(SeriesCsv.Format(replay.Dyads[d].Scores[t]));
                        csv.WriteField(SeriesCsv.Format(replay.Dyads[d].Strengths[t]));
                    }
                    csv.NextRecord();
                }
            }
        }
    }
}
