using System.CommandLine;
using System.Globalization;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Output;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations runs list</c> and <c>relations runs show RUN --out DIR</c>: stored runs, read back by any process
/// that reaches the same storage (<c>--storage azure</c>) or the same cluster (<c>--cluster</c>, <c>--gateway</c>).
/// </summary>
internal static class RunsCommand
{
    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "List stored runs, the latest first, a page at a time; one a line, tab-separated: id, state, start time, scenario id, title.");
        var page = new Option<int>("--page") { Description = "Which page of runs, 1 (the latest) first.", DefaultValueFactory = _ => 1 };
        var perPage = new Option<int>("--per-page") { Description = "Runs on a page.", DefaultValueFactory = _ => 100 };
        var listStorage = CommonOptions.StorageOptions();
        var listGateway = CommonOptions.Gateway();
        list.Add(page);
        list.Add(perPage);
        list.Add(listGateway);
        foreach (var option in listStorage.All)
            list.Add(option);
        list.SetAction(async (parse, cancellation) =>
        {
            var (number, size) = (parse.GetValue(page), parse.GetValue(perPage));
            if (number < 1 || size is < 1 or > 10_000)
                throw new BadInputException("--page must be at least 1 and --per-page between 1 and 10000");
            await using var cluster = await RelationsCluster.ConnectAsync(
                listStorage.Target(parse, listGateway), listStorage.Read(parse), cancellation);
            var listing = await cluster.Grains.GetGrain<IRunRegistryGrain>("all").Latest((int)Math.Min(int.MaxValue, (number - 1L) * size), size);
            foreach (var run in listing.Runs)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run.RunId}\t{run.State.ToString().ToLowerInvariant()}\t{run.StartedAt:yyyy-MM-dd HH:mm:ss}Z\t{run.ScenarioId}\t{run.Title}"));
            }
            if (listing.Total == 0)
                console.Error.WriteLine("runs: no stored runs here");
            else if ((long)number * size < listing.Total)
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: page {number} of {(listing.Total + size - 1) / size} ({listing.Total:N0} runs); --page {number + 1} lists older ones"));
            return ExitCodes.Success;
        });

        var show = new Command("show", "Write a stored run's series.csv, series.json and plots, as replay does.");
        var run = new Argument<string>("RUN") { Description = "The run id (as 'runs list' and 'replay' print it)." };
        var output = new Option<string>("--out") { Description = "Folder for the run's files.", Required = true };
        var showStorage = CommonOptions.StorageOptions();
        var showGateway = CommonOptions.Gateway();
        show.Add(run);
        show.Add(output);
        show.Add(showGateway);
        foreach (var option in showStorage.All)
            show.Add(option);
        show.SetAction(async (parse, cancellation) =>
        {
            var runId = parse.GetValue(run)!;
            OutputFolder.Check(parse.GetValue(output)!);
            await using var cluster = await RelationsCluster.ConnectAsync(
                showStorage.Target(parse, showGateway), showStorage.Read(parse), cancellation);
            var simulation = cluster.Grains.GetGrain<ISimulationGrain>(runId);
            var status = await simulation.GetStatus();
            if (status.State == RunState.NotStarted)
                throw new BadInputException($"no stored run '{runId}' here (see 'relations runs list')");
            console.Out.WriteLine($"run: {runId}");
            // interfaces.md, "Clusters": a run that has not completed is reported, not waited for.
            if (status.State == RunState.Running)
                throw new InvalidOperationException($"run {runId} has not completed yet ({status.SlicesDone} of {status.SlicesTotal} time slices done); try again when 'relations runs list' says completed");
            if (status.State == RunState.Failed)
                throw new InvalidOperationException($"run {runId} failed: {status.Error}");
            var request = await simulation.GetRequest()
                ?? throw new InvalidOperationException($"run {runId} has no stored scenario");
            var result = await ActorReplay.ResultsOf(simulation, request);
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            var plots = StagedOutput.Write(directory, stage =>
            {
                SeriesCsv.Write(result, Path.Combine(stage, "series.csv"));
                SeriesJson.Write(result, Path.Combine(stage, "series.json"), runId, "actors");
                return PlotFiles.WriteAll(result, stage);
            });
            console.Out.WriteLine($"wrote series.csv, series.json ({result.Dyads.Count} dyads × {result.Dates.Count} samples) and {plots.Count} plots to {directory}");
            return ExitCodes.Success;
        });

        return new Command("runs", "Stored runs: list them, or write one's files.") { list, show };
    }
}
