using Relations.Model.Ensembles;
using Relations.Model.Output;
using Relations.Plots;

namespace Relations.Silo.Cli;

/// <summary>
/// The files of an ensemble or a sweep, written the same way whether the job just ran (<c>ensemble</c>, <c>sweep</c>)
/// or is read back from the cluster (<c>jobs show</c>), so both write the same bytes.
/// </summary>
internal static class JobFiles
{
    /// <param name="plots">For an ensemble: all (the overview and each dyad's band plot), overview or none; a sweep writes its sensitivity plot unless none.</param>
    public static void Write(CliConsole console, JobOutcome outcome, string output, string plots)
    {
        var directory = OutputFolder.Prepare(output);
        if (outcome.Ensemble is { } ensemble)
        {
            var written = StagedOutput.Write(directory, stage =>
            {
                EnsembleCsv.Write(ensemble, Path.Combine(stage, "ensemble.csv"));
                SeriesCsv.Write(ensemble.Deterministic, Path.Combine(stage, "series.csv"));
                return plots is "none" ? [] : BandPlots.WriteAll(ensemble, stage, dyads: plots is "all");
            });
            console.Out.WriteLine($"wrote ensemble.csv, series.csv ({ensemble.Bands.Count} dyads × {ensemble.Deterministic.Dates.Count} samples × {ensemble.Draws} draws" +
                $"{(ensemble.Estimated ? $", quantiles estimated within ±{StrengthHistograms.ErrorBound} strength points" : "")}) and {written.Count} plots to {directory}");
            return;
        }
        var sweep = outcome.Sweep!;
        var sensitivity = Sensitivity.Of(sweep);
        var files = StagedOutput.Write(directory, stage =>
        {
            SweepCsv.Write(sweep, Path.Combine(stage, "sweep.csv"));
            SensitivityCsv.Write(sensitivity, sweep.Cells[0].Replay.Scenario, Path.Combine(stage, "sensitivity.csv"));
            return plots is "none" ? [] : SensitivityPlot.Write(sweep.Cells[0].Replay.Scenario, sweep, sensitivity, stage);
        });
        foreach (var row in sensitivity.Take(5))
            console.Out.WriteLine(FormattableString.Invariant(
                $"{row.Dyad.A} – {row.Dyad.B}: {row.Key} moves mean strength by {row.Swing:0.##} ({row.ValueAtMin:G} → {row.MinStrength:0.##}, {row.ValueAtMax:G} → {row.MaxStrength:0.##})"));
        console.Out.WriteLine($"wrote sweep.csv ({sweep.Cells.Count} cells), sensitivity.csv and {string.Join(", ", files.Select(Path.GetFileName))} to {directory}");
    }
}
