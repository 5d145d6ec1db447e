using System.CommandLine;
using Relations.Model.Ensembles;
using Relations.Model.Output;
using Relations.Plots;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations ensemble FILE --draws N --seed S --out DIR</c> (interfaces.md, "Ensembles"): N Monte-Carlo replays,
/// draw i exactly <c>replay FILE --seed S+i</c>, summarised in ensemble.csv beside the deterministic series, with band plots.
/// </summary>
internal static class EnsembleCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario or variant file." };
        var output = new Option<string>("--out") { Description = "Folder for ensemble.csv, series.csv and band plots.", Required = true };
        var draws = DrawOptions.Draws(required: true);
        var seed = DrawOptions.FirstSeed();
        var engine = CommonOptions.Engine();
        var step = CommonOptions.Step();
        var certainty = CommonOptions.Certainty();
        var gateway = CommonOptions.Gateway();
        var storage = CommonOptions.StorageOptions();
        var command = new Command("ensemble", "Replay N Monte-Carlo draws of a scenario; write ensemble.csv (mean, sd, quantiles per dyad and day) and band plots.")
        {
            file, output, draws, seed, engine, step, certainty, gateway,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var (loaded, source) = ScenarioFiles.Load(parse.GetValue(file)!);
            var scenario = loaded.KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!));
            var count = parse.GetValue(draws)!.Value;
            var firstSeed = DrawOptions.CheckSeeds(parse.GetValue(seed), count);
            var target = ClusterTarget.Parse(parse.GetValue(gateway));
            OutputFolder.Check(parse.GetValue(output)!);
            var runId = RunIds.New(scenario.Id);
            console.Out.WriteLine($"run: {runId}");
            await using var replayer = await DrawReplayer.OpenAsync(parse.GetValue(engine)!, target, storage.Read(parse), cancellation);
            var ensemble = await replayer.EnsembleAsync(console, scenario, source, CommonOptions.StepOf(parse.GetValue(step)!), count, firstSeed, runId, cancellation);
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            EnsembleCsv.Write(ensemble, Path.Combine(directory, "ensemble.csv"));
            SeriesCsv.Write(ensemble.Deterministic, Path.Combine(directory, "series.csv"));
            var plots = BandPlots.WriteAll(ensemble, directory);
            console.Out.WriteLine($"wrote ensemble.csv, series.csv ({ensemble.Bands.Count} dyads × {ensemble.Deterministic.Dates.Count} samples × {count} draws" +
                $"{(ensemble.Estimated ? $", quantiles estimated within ±{StrengthHistogram.ErrorBound} strength points" : "")}) and {plots.Count} plots to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>The <c>--draws N</c> and <c>--seed S</c> of ensembles and sweeps.</summary>
internal static class DrawOptions
{
    public static Option<int?> Draws(bool required) => new("--draws")
    {
        Description = "Number of Monte-Carlo draws; draw i replays with seed S + i.",
        Required = required,
        Validators = { result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var value)
                result.AddError($"--draws {value} must be at least 1");
        } },
    };

    public static Option<int> FirstSeed() => new("--seed")
    {
        Description = "Seed S of draw 0 (default 0); draw i is exactly 'relations replay FILE --seed S+i'.",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>S itself, when every seed S + i of N draws is a valid seed.</summary>
    public static int CheckSeeds(int seed, int draws) =>
        EnsembleRunner.SeedOf(seed, draws - 1) is null
            ? throw new BadInputException($"--seed {seed} with --draws {draws} passes the largest seed ({int.MaxValue})")
            : seed;
}
