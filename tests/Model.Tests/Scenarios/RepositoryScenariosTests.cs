using Relations.Model.Scenarios;

namespace Relations.Model.Tests.Scenarios;

/// <summary>The scenario files shipped in the repository's scenarios folder are valid.</summary>
public sealed class RepositoryScenariosTests
{
    private static string ScenariosFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Relations.sln")))
                return Path.Combine(folder.FullName, "scenarios");
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Relations.sln");
    }

    [Fact]
    public void Every_scenario_file_in_the_repository_validates_without_problems()
    {
        var folder = ScenariosFolder();
        Assert.True(Directory.Exists(folder), $"{folder} should exist");

        var problems = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => new ScenarioLoader().Check(path).Problems)
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_border_scenario_loads_for_replay_with_a_period()
    {
        var path = Path.Combine(ScenariosFolder(), "border-2013-2026.yaml");

        var scenario = new ScenarioLoader().Load(path);

        Assert.True(scenario.Period.From <= scenario.Period.To);
        Assert.NotEmpty(scenario.Events);
    }
}
