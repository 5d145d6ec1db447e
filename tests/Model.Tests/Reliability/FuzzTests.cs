using Relations.Model.Fuzzing;

namespace Relations.Model.Tests.Reliability;

/// <summary>
/// Mutants of the repository's scenarios (<see cref="ScenarioMutator"/>) keep the promises of docs/reliability.md:
/// a scenario or positioned, printable problems, never an internal error, each file answered in bounded time, and
/// every valid mutant replayed to finite numbers. `relations fuzz` runs longer campaigns.
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public void Two_thousand_five_hundred_mutants_are_answered_with_positions_and_valid_ones_replay()
    {
        var seeds = Directory.EnumerateFiles(Repository.Scenarios, "*.yaml", SearchOption.AllDirectories)
            .ToDictionary(Path.GetFullPath, File.ReadAllText, StringComparer.Ordinal);

        var report = new FuzzCampaign(seeds).Run(count: 2500, seed: 20261128);

        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(5).Select(f => $"mutant {f.Index} of {Path.GetFileName(f.SeedFile)}: {f.Reason}")));
        // The mutator must reach both sides, or the property says little.
        Assert.InRange(report.Valid, 100, report.Mutants - 100);
        Assert.True(report.Replayed > 50, $"only {report.Replayed} valid mutants were replayed");
    }

    [Fact]
    public void The_same_seed_makes_the_same_mutants()
    {
        const string text = "id: x\ntitle: X\nperiod: { from: 2020-01-01, to: 2021-01-01 }\n";
        var a = new ScenarioMutator(5);
        var b = new ScenarioMutator(5);
        for (var i = 0; i < 50; i++)
            Assert.Equal(a.Mutate(text), b.Mutate(text));
    }
}

/// <summary>The repository's folders, found from the test's own location.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Relations.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Relations.sln");
    }
}
