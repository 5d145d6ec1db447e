using System.CommandLine;
using Relations.Grains.Interfaces;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations ensemble FILE --draws N --seed S --out DIR</c> (interfaces.md, "Ensembles"): N Monte-Carlo replays,
/// draw i exactly <c>replay FILE --seed S+i</c>, summarised in ensemble.csv beside the deterministic series, with band
/// plots. Through grains (the default) it is a job of the cluster, which <c>relations jobs show</c> reads back.
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
            options.Check(parse);
            await using var replayer = options.OpenReplayer(parse, cancellation);
            var (scenario, source) = options.Scenario(parse);
            var count = parse.GetValue(options.Draws)!.Value;
            var request = new JobRequest(new RunRequest(scenario, options.StepOf(parse), options.FirstSeed(parse, count)) { Source = source }, count, []);
            return await options.RunAsync(parse, console, replayer, request, parse.GetValue(plotsOption)!, cancellation);
        });
        return command;
    }
}
