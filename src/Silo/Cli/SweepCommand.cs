using System.CommandLine;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations sweep FILE --set KEY=V1,V2 ... --out DIR [--draws N --seed S]</c> (interfaces.md, "Sweeps"): every
/// cell of the grid replayed as the variant that sets its values, into sweep.csv, sensitivity.csv and a tornado plot.
/// Through grains (the default) it is a job of the cluster, which <c>relations jobs show</c> reads back.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliConsole console)
    {
        var set = new Option<string[]>("--set")
        {
            Description = "KEY=V1,V2,...: a model parameter (model.md's table, or weights.KIND) and its values; repeat for more keys.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var options = new DrawCommandOptions("Folder for sweep.csv, sensitivity.csv and the sensitivity plot.", drawsRequired: false);
        var command = options.Command("sweep", "Replay a grid of model-parameter values; write sweep.csv, sensitivity.csv and a sensitivity plot.");
        command.Add(set);
        command.SetAction(async (parse, cancellation) =>
        {
            var settings = parse.GetValue(set) ?? [];
            try
            {
                SweepGrid.Parse(settings);
            }
            catch (FormatException ex)
            {
                throw new BadInputException(ex.Message);
            }
            options.Check(parse);
            await using var replayer = options.OpenReplayer(parse, cancellation);
            var (scenario, source) = options.Scenario(parse);
            var drawCount = parse.GetValue(options.Draws);
            var firstSeed = drawCount is { } n ? options.FirstSeed(parse, n) : 0;
            var request = new JobRequest(new RunRequest(scenario, options.StepOf(parse), firstSeed) { Source = source }, drawCount, settings);
            // A cell's values that break a rule of the scenario are bad input, found before any work.
            request.Plan();
            return await options.RunAsync(parse, console, replayer, request, "all", cancellation);
        });
        return command;
    }
}
