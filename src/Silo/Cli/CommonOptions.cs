using System.CommandLine;
using Relations.Model.Evaluation;

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
        Description = "actors (through grains) or reference (the plain loop).",
        DefaultValueFactory = _ => "actors",
        Validators = { result =>
        {
            if (result.GetValueOrDefault<string>() is not ("actors" or "reference") and var value)
                result.AddError($"--engine '{value}' is not one of actors, reference");
        } },
    };

    public static Option<string?> Gateway() => new("--gateway")
    {
        Description = "HOST:PORT of a running cluster's gateway (started with 'relations silo'); without it an embedded silo runs the replay.",
    };

    public static SampleStep StepOf(string word) => Sampling.Parse(word);
}
