using System.CommandLine;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// What <c>ensemble</c> and <c>sweep</c> share: FILE, <c>--out</c>, <c>--draws N</c> and <c>--seed S</c> (draw i
/// replays with seed S + i), and the options of replay (engine, step, certainty, gateway, storage).
/// </summary>
internal sealed class DrawCommandOptions(string outputDescription, bool drawsRequired)
{
    public Argument<string> File { get; } = new("FILE") { Description = "A scenario or variant file." };

    public Option<string> Output { get; } = new("--out") { Description = outputDescription, Required = true };

    public Option<int?> Draws { get; } = new("--draws")
    {
        Description = "Number of Monte-Carlo draws; draw i replays with seed S + i.",
        Required = drawsRequired,
        Validators = { result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 and var value)
                result.AddError($"--draws {value} must be at least 1");
        } },
    };

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Seed S of draw 0 (default 0); draw i is exactly 'relations replay FILE --seed S+i'.",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> engine = CommonOptions.Engine();
    private readonly Option<string> step = CommonOptions.Step();
    private readonly Option<string> certainty = CommonOptions.Certainty();
    private readonly Option<string?> gateway = CommonOptions.Gateway();
    private readonly StorageOptionSet storage = CommonOptions.StorageOptions();

    public Command Command(string name, string description)
    {
        var command = new Command(name, description) { File, Output, Draws, Seed, engine, step, certainty, gateway };
        foreach (var option in storage.All)
            command.Add(option);
        return command;
    }

    /// <summary>The file's scenario with the certainty filter applied, and its source.</summary>
    public (Scenario Scenario, ScenarioSource Source) Scenario(ParseResult parse)
    {
        var (loaded, source) = ScenarioFiles.Load(parse.GetValue(File)!);
        return (loaded.KeepingCertainty(CommonOptions.CertaintyOf(parse.GetValue(certainty)!)), source);
    }

    /// <summary>S itself, when every seed S + i of N draws is a valid seed.</summary>
    public int FirstSeed(ParseResult parse, int draws)
    {
        var seed = parse.GetValue(Seed);
        return EnsembleRunner.SeedOf(seed, draws - 1) is null
            ? throw new BadInputException($"--seed {seed} with --draws {draws} passes the largest seed ({int.MaxValue})")
            : seed;
    }

    public Model.Evaluation.SampleStep StepOf(ParseResult parse) => CommonOptions.StepOf(parse.GetValue(step)!);

    /// <summary>Checks the output folder and the storage and gateway options before any work.</summary>
    public void Check(ParseResult parse)
    {
        storage.Target(parse, gateway);
        OutputFolder.Check(parse.GetValue(Output)!);
    }

    /// <summary>Starts the engine (an embedded silo, or a client of the cluster, for actors) while the rest gets ready.</summary>
    public DrawReplayer OpenReplayer(ParseResult parse, CancellationToken cancellation) =>
        DrawReplayer.Open(parse.GetValue(engine)!, storage.Target(parse, gateway), storage.Read(parse), cancellation);

    /// <summary>Prints the job's id (as <c>relations jobs show</c> takes it), runs the job and writes its files.</summary>
    public async Task<int> RunAsync(ParseResult parse, CliConsole console, DrawReplayer replayer, JobRequest request, string plots, CancellationToken cancellation)
    {
        var jobId = JobClient.NewId(request);
        console.Out.WriteLine($"job: {jobId}");
        var outcome = await replayer.RunAsync(console, jobId, request, cancellation);
        JobFiles.Write(console, outcome, parse.GetValue(Output)!, plots);
        return ExitCodes.Success;
    }
}
