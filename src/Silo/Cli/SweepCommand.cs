using System.CommandLine;
using Relations.Model.Ensembles;
using Relations.Grains.Interfaces;
using Relations.Plots;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations sweep FILE --set KEY=V1,V2 ... --out DIR [--draws N --seed S]</c> (interfaces.md, "Sweeps"): every
/// cell of the grid replayed as the variant that sets its values, into sweep.csv, sensitivity.csv and a tornado plot.
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
            SweepGrid grid;
            try
            {
                grid = SweepGrid.Parse(parse.GetValue(set) ?? []);
            }
            catch (FormatException ex)
            {
                throw new BadInputException(ex.Message);
            }
            // The cells' runs store their changed scenario itself: the file's source would reload without the changes.
            var (scenario, _) = options.Scenario(parse);
            var cells = grid.Cells().Select(cell => (Cell: cell, Scenario: cell.Apply(scenario))).ToList();
            var drawCount = parse.GetValue(options.Draws);
            var firstSeed = drawCount is { } n ? options.FirstSeed(parse, n) : 0;
            var runId = options.Start(parse, scenario, console);
            var sampleStep = options.StepOf(parse);

            await using var replayer = await options.OpenReplayerAsync(parse, cancellation);
            var results = new SweepCellResult[cells.Count];
            if (drawCount is { } count)
            {
                // Each cell an ensemble, one after another; its draws fill the replayer's concurrency.
                foreach (var (cell, cellScenario) in cells)
                {
                    console.Out.WriteLine(FormattableString.Invariant(
                        $"cell {cell.Index + 1}/{cells.Count}: {string.Join(", ", grid.Axes.Select((a, i) => $"{a.Key}={cell.Values[i]:R}"))}"));
                    var ensemble = await replayer.EnsembleAsync(console, cellScenario, null, sampleStep, count, firstSeed, $"{runId}-c{cell.Index}", cancellation);
                    results[cell.Index] = new SweepCellResult(cell, ensemble.Deterministic, ensemble);
                }
            }
            else
            {
                await RunProgressDisplay.Show(console, $"{cells.Count} cells of {scenario.Id}", async progress =>
                {
                    var report = CountProgress.Every(cells.Count, done => progress.Report(new RunStatus(runId, RunState.Running, done, cells.Count, 0, null, scenario.Id)));
                    await OrderedWindow.RunAsync(cells.Count, replayer.Concurrency,
                        (i, token) => replayer.ReplayAsync(cells[i].Scenario, null, sampleStep, null, $"{runId}-c{i}", token, unlisted: true),
                        (i, replay) =>
                        {
                            results[i] = new SweepCellResult(cells[i].Cell, replay, null);
                            report.Report(i + 1);
                        }, cancellation);
                    return true;
                }, unit: "cells");
            }

            var sweep = new SweepResult(grid, results);
            var sensitivity = Sensitivity.Of(sweep);
            var directory = OutputFolder.Prepare(parse.GetValue(options.Output)!);
            var plots = StagedOutput.Write(directory, stage =>
            {
                SweepCsv.Write(sweep, Path.Combine(stage, "sweep.csv"));
                SensitivityCsv.Write(sensitivity, Path.Combine(stage, "sensitivity.csv"));
                return SensitivityPlot.Write(scenario, sweep, sensitivity, stage);
            });
            foreach (var row in sensitivity.Take(5))
                console.Out.WriteLine(FormattableString.Invariant(
                    $"{row.Dyad.A} – {row.Dyad.B}: {row.Key} moves mean strength by {row.Swing:0.##} ({row.ValueAtMin:G} → {row.MinStrength:0.##}, {row.ValueAtMax:G} → {row.MaxStrength:0.##})"));
            console.Out.WriteLine($"wrote sweep.csv ({cells.Count} cells), sensitivity.csv and {string.Join(", ", plots.Select(Path.GetFileName))} to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
