using System.CommandLine;
using System.Globalization;
using Relations.Grains.Interfaces;
using Relations.Model.Output;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary><c>relations compare BASE OTHER --out DIR</c>: replays both and writes compare.csv and an overlay plot.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var baseFile = new Argument<string>("BASE") { Description = "The base scenario (or variant)." };
        var otherFile = new Argument<string>("OTHER") { Description = "The scenario or what-if variant to compare with it." };
        var output = new Option<string>("--out") { Description = "Folder for compare.csv and the overlay plot.", Required = true };
        var engine = CommonOptions.Engine();
        var step = CommonOptions.Step();
        var seed = CommonOptions.Seed();
        var certainty = CommonOptions.Certainty();
        var gateway = CommonOptions.Gateway();
        var storage = CommonOptions.StorageOptions();
        var command = new Command("compare", "Replay two scenarios (a base and a what-if); write compare.csv and an overlay plot with the difference.")
        {
            baseFile, otherFile, output, engine, step, seed, certainty, gateway,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var problems = new List<Problem>();
            var scenarios = new List<(Scenario Scenario, ScenarioSource Source)>();
            foreach (var file in (string[])[parse.GetValue(baseFile)!, parse.GetValue(otherFile)!])
            {
                var loader = new ScenarioLoader();
                var (scenario, found) = loader.Check(file, requirePeriod: true);
                problems.AddRange(found);
                if (scenario is not null)
                    scenarios.Add((scenario.KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!)), ScenarioSource.FromFiles(Path.GetFullPath(file), loader)));
            }
            if (problems.Count > 0)
                throw new ScenarioException(problems);
            OutputFolder.Check(parse.GetValue(output)!);
            var target = storage.Target(parse, gateway);
            var sampleStep = CommonOptions.StepOf(parse.GetValue(step)!);

            var results = new List<Model.Evaluation.SeriesResult>();
            foreach (var (scenario, source) in scenarios)
            {
                var runId = RunIds.New(scenario.Id);
                console.Out.WriteLine($"run: {runId}");
                results.Add(await Replayer.ReplayAsync(console, scenario, source, parse.GetValue(engine)!, sampleStep, parse.GetValue(seed), runId, target, storage.Read(parse), cancellation));
            }
            var rows = Comparison.Rows(results[0], results[1]);
            if (rows.Count == 0)
                throw new BadInputException("the two scenarios share no sample day: their periods do not overlap");
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            var plots = StagedOutput.Write(directory, stage =>
            {
                Comparison.WriteCsv(rows, Path.Combine(stage, "compare.csv"));
                return PlotFiles.WriteComparison(results[0], results[1], stage);
            });
            var largest = rows.MaxBy(r => Math.Abs(r.Delta))!;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"largest difference: {largest.Dyad.A} – {largest.Dyad.B} on {largest.Date:yyyy-MM-dd}: {largest.BaseStrength:0.##} → {largest.OtherStrength:0.##} ({largest.Delta:+0.##;-0.##;0})"));
            console.Out.WriteLine($"wrote compare.csv and {string.Join(", ", plots.Select(Path.GetFileName))} to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
