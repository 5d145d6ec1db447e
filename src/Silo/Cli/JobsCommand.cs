using System.CommandLine;
using System.Globalization;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations jobs list</c>, <c>relations jobs show ID --out DIR</c> and <c>relations jobs cancel ID</c>: the ensembles
/// and sweeps a cluster keeps, read by any process that reaches the same cluster (<c>--cluster</c>, <c>--gateway</c>) or
/// the same storage (<c>--storage azure</c>).
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "List the cluster's ensembles and sweeps, one a line, tab-separated: id, kind, state, started, scenario id, size (draws, or cells × draws).");
        var listConnection = Connection(list);
        list.SetAction(async (parse, cancellation) =>
        {
            await using var cluster = await listConnection(parse, cancellation);
            var jobs = await GrainCallPolicy.Shared.CallAsync(cluster.Grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry).List, cancellation);
            foreach (var job in jobs)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{job.JobId}\t{JobClient.Word(job.Kind)}\t{JobClient.Word(job.State)}\t{job.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z\t{job.ScenarioId}\t{job.Size}"));
            }
            if (jobs.Length == 0)
                console.Error.WriteLine("jobs: no ensembles or sweeps here");
            return ExitCodes.Success;
        });

        var show = new Command("show", "Write a completed job's files, as 'ensemble' or 'sweep' wrote them.");
        var showId = new Argument<string>("ID") { Description = "The job id (as 'jobs list', 'ensemble' and 'sweep' print it)." };
        var output = new Option<string>("--out") { Description = "Folder for the job's files.", Required = true };
        var plots = PlotFiles.Option();
        plots.Description = "Plots to write: all (default: an ensemble's overview and band plots, a sweep's sensitivity plot), overview or none.";
        plots.DefaultValueFactory = _ => "all";
        show.Add(showId);
        show.Add(output);
        show.Add(plots);
        var showConnection = Connection(show);
        show.SetAction(async (parse, cancellation) =>
        {
            var jobId = parse.GetValue(showId)!;
            OutputFolder.Check(parse.GetValue(output)!);
            await using var cluster = await showConnection(parse, cancellation);
            await Status(cluster, jobId, cancellation);
            console.Out.WriteLine($"job: {jobId}");
            var outcome = await JobClient.OutcomeAsync(cluster.Grains, jobId);
            JobFiles.Write(console, outcome, parse.GetValue(output)!, parse.GetValue(plots)!);
            return ExitCodes.Success;
        });

        var cancel = new Command("cancel", "Stop a running job; it ends as cancelled.");
        var cancelId = new Argument<string>("ID") { Description = "The job id." };
        cancel.Add(cancelId);
        var cancelConnection = Connection(cancel);
        cancel.SetAction(async (parse, cancellation) =>
        {
            var jobId = parse.GetValue(cancelId)!;
            await using var cluster = await cancelConnection(parse, cancellation);
            await Status(cluster, jobId, cancellation);
            var status = await cluster.Grains.GetGrain<IJobGrain>(jobId).Cancel();
            console.Out.WriteLine($"job {jobId}: {JobClient.Word(status.State)}");
            return ExitCodes.Success;
        });

        return new Command("jobs", "The ensembles and sweeps a cluster keeps: list them, write one's files, or cancel one.") { list, show, cancel };
    }

    private static async Task<JobStatus> Status(RelationsCluster cluster, string jobId, CancellationToken cancellation)
    {
        var status = await GrainCallPolicy.Shared.CallAsync(cluster.Grains.GetGrain<IJobGrain>(jobId).GetStatus, cancellation);
        return status.State == JobState.NotStarted ? throw new BadInputException(JobClient.Unfinished(status)) : status;
    }

    /// <summary>Adds the storage and gateway options to <paramref name="command"/>; answers how to connect with them.</summary>
    private static Func<ParseResult, CancellationToken, Task<RelationsCluster>> Connection(Command command)
    {
        var storage = CommonOptions.StorageOptions();
        var gateway = CommonOptions.Gateway();
        command.Add(gateway);
        foreach (var option in storage.All)
            command.Add(option);
        return (parse, cancellation) => RelationsCluster.ConnectAsync(storage.Target(parse, gateway), storage.Read(parse), cancellation);
    }
}
