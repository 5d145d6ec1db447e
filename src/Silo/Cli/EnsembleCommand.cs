using System.CommandLine;
using Relations.Model.Ensembles;
using Relations.Model.Output;
using Relations.Plots;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations ensemble FILE --draws N --seed S --out DIR</c> (interfaces.md, "Ensembles"): N Monte-Carlo replays,
/// draw i exactly <c>replay FILE --seed S+i</c>, summarised in ensemble.csv beside the deterministic series, with band plots.
/// </summary>
internal static class EnsembleCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new DrawCommandOptions("Folder for ensemble.csv, series.csv and band plots.", drawsRequired: true);
        var command = options.Command("ensemble", "Replay N Monte-Carlo draws of a scenario; write ensemble.csv (mean, sd, quantiles per dyad and day) and band plots.");
        // Unlike replay, the default is every dyad's plot: the bands are what an ensemble is read for.
        var plotsOption = PlotFiles.Option();
        plotsOption.Description = "Plots to write: all (default: the overview and each dyad's band plot), overview or none.";
        plotsOption.DefaultValueFactory = _ => "all";
        command.Options.Add(plotsOption);
        command.SetAction(async (parse, cancellation) =>
        {
            var (scenario, source) = options.Scenario(parse);
            var count = parse.GetValue(options.Draws)!.Value;
            var firstSeed = options.FirstSeed(parse, count);
            var runId = options.Start(parse, scenario, console);
            await using var replayer = await options.OpenReplayerAsync(parse, cancellation);
            var ensemble = await replayer.EnsembleAsync(console, scenario, source, options.StepOf(parse), count, firstSeed, runId, cancellation);
            var directory = OutputFolder.Prepare(parse.GetValue(options.Output)!);
            var plots = StagedOutput.Write(directory, stage =>
            {
                EnsembleCsv.Write(ensemble, Path.Combine(stage, "ensemble.csv"));
                SeriesCsv.Write(ensemble.Deterministic, Path.Combine(stage, "series.csv"));
                return parse.GetValue(plotsOption) is "none" ? [] : BandPlots.WriteAll(ensemble, stage, dyads: parse.GetValue(plotsOption) is "all");
            });
            console.Out.WriteLine($"wrote ensemble.csv, series.csv ({ensemble.Bands.Count} dyads × {ensemble.Deterministic.Dates.Count} samples × {count} draws" +
                $"{(ensemble.Estimated ? $", quantiles estimated within ±{StrengthHistogram.ErrorBound} strength points" : "")}) and {plots.Count} plots to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}

