using System.CommandLine;
using Relations.Model.Ensembles;
using Relations.Grains.Interfaces;
using Relations.Plots;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations sweep FILE --set KEY=V1,V2 ... --out DIR [--draws N --seed S]</c> (interfaces.md, "Sweeps"): every
/// cell of the grid replayed as the variant that sets its values, into sweep.csv, sensitivity.csv and a tornado plot.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario or variant file." };
        var set = new Option<string[]>("--set")
        {
            Description = "KEY=V1,V2,...: a model parameter (model.md's table, or weights.KIND) and its values; repeat for more keys.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string>("--out") { Description = "Folder for sweep.csv, sensitivity.csv and the sensitivity plot.", Required = true };
        var draws = DrawOptions.Draws(required: false);
        var seed = DrawOptions.FirstSeed();
        var engine = CommonOptions.Engine();
        var step = CommonOptions.Step();
        var certainty = CommonOptions.Certainty();
        var gateway = CommonOptions.Gateway();
        var storage = CommonOptions.StorageOptions();
        var command = new Command("sweep", "Replay a grid of model-parameter values; write sweep.csv, sensitivity.csv and a sensitivity plot.")
        {
            file, set, output, draws, seed, engine, step, certainty, gateway,
        };
        foreach (var option in storage.All)
            command.Add(option);
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
            var (loaded, _) = ScenarioFiles.Load(parse.GetValue(file)!);
            var scenario = loaded.KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!));
            var cells = grid.Cells().Select(cell => (Cell: cell, Scenario: cell.Apply(scenario))).ToList();
            var drawCount = parse.GetValue(draws);
            var firstSeed = drawCount is { } n ? DrawOptions.CheckSeeds(parse.GetValue(seed), n) : 0;
            var target = ClusterTarget.Parse(parse.GetValue(gateway));
            OutputFolder.Check(parse.GetValue(output)!);
            var runId = RunIds.New(scenario.Id);
            console.Out.WriteLine($"run: {runId}");
            var sampleStep = CommonOptions.StepOf(parse.GetValue(step)!);

            await using var replayer = await DrawReplayer.OpenAsync(parse.GetValue(engine)!, target, storage.Read(parse), cancellation);
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
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            SweepCsv.Write(sweep, Path.Combine(directory, "sweep.csv"));
            SensitivityCsv.Write(sensitivity, Path.Combine(directory, "sensitivity.csv"));
            var plots = SensitivityPlot.Write(scenario, sweep, sensitivity, directory);
            foreach (var row in sensitivity.Take(5))
                console.Out.WriteLine(FormattableString.Invariant(
                    $"{row.Dyad.A} – {row.Dyad.B}: {row.Key} moves mean strength by {row.Swing:0.##} ({row.ValueAtMin:G} → {row.MinStrength:0.##}, {row.ValueAtMax:G} → {row.MaxStrength:0.##})"));
            console.Out.WriteLine($"wrote sweep.csv ({cells.Count} cells), sensitivity.csv and {string.Join(", ", plots.Select(Path.GetFileName))} to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
