using CsCheck;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Evaluation;

/// <summary>The streaming evaluator (<c>--engine fast</c>) equals the reference to 1e-9, serial and parallel.</summary>
public sealed class StreamingEvaluatorTests
{
    private static readonly Certainty[] Levels = [Certainty.Reported, Certainty.Inferred, Certainty.Assumed];

    [Fact]
    public void Fast_equals_the_reference_on_random_scenarios_at_every_step_seed_and_certainty()
    {
        var steps = Gen.Enum<SampleStep>();
        Gen.Select(ScenarioGen.Scenario, Gen.Int.Nullable(), steps).Sample((scenario, seed, step) =>
        {
            foreach (var level in Levels)
            {
                var kept = scenario.KeepingCertainty(level);
                var reference = ReferenceEvaluator.Evaluate(kept, step, seed);
                AssertEqual(reference, StreamingEvaluator.Evaluate(kept, step, seed), $"{level}, {step}, seed {seed}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Fast_equals_the_reference_on_every_scenario_file_and_variant()
    {
        var files = Directory.EnumerateFiles(RepositoryFolder("scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}shared{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var scenario = new ScenarioLoader().Load(path);
            foreach (var level in Levels)
            {
                var kept = scenario.KeepingCertainty(level);
                foreach (var seed in (int?[])[null, 7])
                {
                    var reference = ReferenceEvaluator.Evaluate(kept, SampleStep.Month, seed);
                    AssertEqual(reference, StreamingEvaluator.Evaluate(kept, SampleStep.Month, seed), $"{Path.GetFileName(path)} {level} seed {seed}");
                    AssertEqual(reference, StreamingEvaluator.Evaluate(kept, SampleStep.Month, seed, parallel: true), $"{Path.GetFileName(path)} {level} seed {seed}, parallel");
                }
            }
        }
    }

    [Fact]
    public void Fast_equals_the_reference_on_a_synthetic_benchmark_scenario()
    {
        var scenario = SyntheticScenario.Generate(4_000, 300, 3);
        AssertEqual(ReferenceEvaluator.Evaluate(scenario), StreamingEvaluator.Evaluate(scenario, parallel: true), "synthetic");
    }

    internal static void AssertEqual(SeriesResult expected, SeriesResult actual, string what)
    {
        var (difference, where) = SeriesDifference.Largest(expected, actual);
        Assert.True(difference <= 1e-9, $"{what}: the engines differ by {difference:E2}: {where}");
    }

    private static string RepositoryFolder(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Relations.sln")))
                return Path.Combine(folder.FullName, name);
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Relations.sln");
    }
}
