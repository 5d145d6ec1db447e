using System.CommandLine;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Model.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Hosting;

namespace Relations.Silo.Cli;

/// <summary><c>relations replay FILE --out DIR</c>: replays a scenario or variant and writes its series.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario or variant file." };
        var output = new Option<string>("--out") { Description = "Folder for series.csv, series.json and plots.", Required = true };
        var engine = CommonOptions.Engine();
        var step = CommonOptions.Step();
        var seed = CommonOptions.Seed();
        var certainty = CommonOptions.Certainty();
        var gateway = CommonOptions.Gateway();
        var plotChoice = PlotFiles.Option();
        var storage = CommonOptions.StorageOptions();
        var command = new Command("replay", "Replay a scenario or variant; write series.csv, series.json and plots.")
        {
            file, output, engine, step, seed, certainty, gateway, plotChoice,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var engineName = parse.GetValue(engine)!;
            var target = storage.Target(parse, gateway);
            var storageChoice = storage.Read(parse);
            var plotsWanted = parse.GetValue(plotChoice)!;
            OutputFolder.Check(parse.GetValue(output)!);
            // Start-up off the path: the silo starts and the plotting code warms up while the scenario loads.
            var starting = engineName == "actors" ? RelationsCluster.ConnectAsync(target, storageChoice, cancellation) : null;
            var warming = plotsWanted == "none" ? Task.CompletedTask : Task.Run(PlotFiles.WarmUp, cancellation);
            Scenario scenario;
            ScenarioSource? source;
            try
            {
                var (loaded, from) = ScenarioFiles.Load(parse.GetValue(file)!);
                (scenario, source) = (loaded.KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!)), from);
                if (SampleCoverage.Problem(scenario.Period, CommonOptions.StepOf(parse.GetValue(step)!)) is { } noSample)
                    throw new BadInputException(noSample);
            }
            catch
            {
                await Replayer.Abandon(starting);
                throw;
            }
            var runId = RunIds.New(scenario.Id);
            console.Out.WriteLine($"run: {runId}");
            var (result, stopping) = await Replayer.ReplayAsync(console, scenario, source, engineName, CommonOptions.StepOf(parse.GetValue(step)!),
                parse.GetValue(seed), runId, starting, cancellation);
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            await warming;
            var plots = StagedOutput.Write(directory, stage =>
            {
                SeriesCsv.Write(result, Path.Combine(stage, "series.csv"));
                SeriesJson.Write(result, Path.Combine(stage, "series.json"), runId, engineName);
                return PlotFiles.WriteAll(result, stage, plotsWanted);
            });
            await stopping;
            console.Out.WriteLine($"wrote series.csv, series.json ({result.Dyads.Count} dyads × {result.Dates.Count} samples) and {plots.Count} plots to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>Run ids: the scenario id and a random suffix, so runs of one scenario sit side by side.</summary>
internal static class RunIds
{
    public static string New(string scenarioId) => $"{scenarioId}-{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>The output folder of a command: created when missing; a file in its place is bad input.</summary>
internal static class OutputFolder
{
    /// <summary>Refuses an output path that cannot be a folder before any work starts.</summary>
    public static void Check(string path)
    {
        if (File.Exists(path))
            throw new BadInputException($"--out '{path}' is a file, not a folder");
    }

    public static string Prepare(string path)
    {
        Check(path);
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--out '{path}' cannot be created: {ex.Message}");
        }
    }
}
