using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>Options that several commands share (interfaces.md, "Options shared where they make sense").</summary>
internal static class CommonOptions
{
    public static Option<string> Step() => new("--step")
    {
        Description = "Sampling step: month, day, week or year (model.md rule 6).",
        DefaultValueFactory = _ => "month",
        Validators = { result =>
        {
            if (result.GetValueOrDefault<string>() is not ("month" or "day" or "week" or "year") and var value)
                result.AddError($"--step '{value}' is not one of month, day, week, year");
        } },
    };

    public static Option<int?> Seed() => new("--seed")
    {
        Description = "Monte-Carlo replay: place each occurrence of a dated range on a random day drawn from this seed (model.md rule 5).",
    };

    public static Option<string> Engine() => new("--engine")
    {
        Description = "actors (through grains), fast (the streaming evaluator) or reference (the plain loop).",
        DefaultValueFactory = _ => "actors",
        Validators = { result =>
        {
            if (result.GetValueOrDefault<string>() is not ("actors" or "fast" or "reference") and var value)
                result.AddError($"--engine '{value}' is not one of actors, fast, reference");
        } },
    };

    public static Option<string> Certainty() => new("--certainty")
    {
        Description = "Lowest certainty kept (model.md rule 8): reported replays only what the sources report, inferred adds inferences, assumed (default) keeps everything.",
        DefaultValueFactory = _ => "assumed",
        Validators = { result =>
        {
            if (CertaintyWords.Parse(result.GetValueOrDefault<string>()) is null)
                result.AddError($"--certainty '{result.GetValueOrDefault<string>()}' is not one of {string.Join(", ", CertaintyWords.All)}");
        } },
    };

    /// <summary>The level a <see cref="Certainty()"/> option gave (validated by the option).</summary>
    public static Certainty CertaintyOf(string word) => CertaintyWords.Parse(word) ?? Relations.Model.Scenarios.Certainty.Assumed;

    public static Option<string?> Gateway() => new("--gateway")
    {
        Description = "HOST:PORT of one gateway of a running cluster (started with 'relations silo'); without it, or --cluster, an embedded silo runs the command.",
    };

    public static StorageOptionSet StorageOptions() => new();

    public static SampleStep StepOf(string word) => Sampling.Parse(word);
}

/// <summary>
/// <c>--storage memory|azure</c>, <c>--connection-string CS</c>, <c>--checkpoint-every N</c> and <c>--cluster ID</c>.
/// They feed the "Relations" configuration section, over what the environment (<c>Relations__Storage</c>,
/// <c>Relations__ConnectionString</c>, <c>Relations__Cluster</c>, …) and appsettings.json set, and the section is
/// bound to <see cref="RelationsHostOptions"/> — the way the dashboard reads its switches.
/// </summary>
internal sealed class StorageOptionSet
{
    public Option<string?> Storage { get; } = new("--storage") { Description = "Where grain state lives: memory (default for replay) or azure (Azure Table storage or Azurite)." };

    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "Azure Storage or Azurite connection string (UseDevelopmentStorage=true for a local Azurite)." };

    public Option<int?> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "Time slices between checkpoints of a run (default: every 2 s of run with azure, only at the end in memory)." };

    public Option<string?> Cluster { get; } = new("--cluster") { Description = "Be a client of the cluster ID started with 'relations silo', its gateways found in the membership table of this storage (by default the machine's local Azurite)." };

    public IEnumerable<Option> All => [Storage, ConnectionString, CheckpointEvery, Cluster];

    /// <summary>The options as configuration sees them: appsettings.json, the environment, then the given switches (and <paramref name="more"/>).</summary>
    public RelationsHostOptions Options(ParseResult parse, params Option[] more)
    {
        var switches = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var option in All.Concat(more))
        {
            if (parse.GetResult(option) is { Implicit: false } given && given.Tokens.Count > 0)
                switches[RelationsHostOptions.SwitchMappings[option.Name]] = given.Tokens[^1].Value;
        }
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Environment.CurrentDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(switches)
            .Build();
        RelationsHostOptions options;
        try
        {
            options = configuration.GetSection(RelationsHostOptions.Section).Get<RelationsHostOptions>() ?? new();
        }
        catch (InvalidOperationException ex)
        {
            throw new BadInputException(ex.GetBaseException().Message);
        }
        return options.Problem() is { } problem ? throw new BadInputException(problem) : options;
    }

    /// <summary>The storage of an embedded silo: as configured, memory when nothing is.</summary>
    public RelationsStorage Read(ParseResult parse) => Options(parse).StorageOrMemory();

    /// <summary>Where the command's grains are: <c>--cluster</c>, <c>--gateway</c> or an embedded silo.</summary>
    public ClusterTarget Target(ParseResult parse, Option<string?> gateway)
    {
        try
        {
            return ClusterTarget.From(Options(parse, gateway));
        }
        catch (FormatException ex)
        {
            throw new BadInputException(ex.Message);
        }
    }
}
