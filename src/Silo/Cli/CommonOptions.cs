using System.CommandLine;
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
        Description = "HOST:PORT of a running cluster's gateway (started with 'relations silo'); without it an embedded silo runs the replay.",
    };

    public static StorageOptionSet StorageOptions() => new();

    public static SampleStep StepOf(string word) => Sampling.Parse(word);
}

/// <summary>
/// <c>--storage memory|azure</c>, <c>--connection-string CS</c> and <c>--checkpoint-every N</c>; the environment
/// variables <c>Relations__Storage</c> and <c>Relations__ConnectionString</c> (the .NET configuration keys
/// Relations:Storage and Relations:ConnectionString) fill what the command line leaves out.
/// </summary>
internal sealed class StorageOptionSet
{
    public Option<string?> Storage { get; } = new("--storage") { Description = "Where grain state lives: memory (default for replay) or azure (Azure Table storage or Azurite)." };

    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "Azure Storage or Azurite connection string (UseDevelopmentStorage=true for a local Azurite)." };

    public Option<int?> CheckpointEvery { get; } = new("--checkpoint-every") { Description = "Time slices between checkpoints of a run (default: every slice with azure, only at the end in memory)." };

    public IEnumerable<Option> All => [Storage, ConnectionString, CheckpointEvery];

    /// <summary>The storage asked for; the kind is null when neither the command line nor the environment names one.</summary>
    public (string? Kind, string? ConnectionString, int? CheckpointEvery) Raw(ParseResult parse) =>
        (parse.GetValue(Storage) ?? Environment.GetEnvironmentVariable("Relations__Storage"),
         parse.GetValue(ConnectionString) ?? Environment.GetEnvironmentVariable("Relations__ConnectionString"),
         parse.GetValue(CheckpointEvery));

    public Relations.Grains.RelationsStorage Read(ParseResult parse)
    {
        var (kind, connection, every) = Raw(parse);
        return Validated(new Relations.Grains.RelationsStorage(kind ?? Relations.Grains.RelationsStorage.Memory, connection, every));
    }

    public static Relations.Grains.RelationsStorage Validated(Relations.Grains.RelationsStorage storage) =>
        storage.Problem() is { } problem ? throw new BadInputException(problem) : storage;
}
