using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>relations validate</c>: exit codes and FILE:LINE:COLUMN messages, never a stack trace.</summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Every_seed_scenario_validates_with_exit_0()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository, "scenarios"), "*.yaml", SearchOption.AllDirectories).ToArray();

        var outcome = await Run(["validate", .. files]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(files.Length, outcome.OutLines.Count(l => l.Contains(": valid")));
        // Warnings (a default term, an unused actor) may be printed; they leave the exit code at 0 without --strict.
        Assert.All(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(": warning: ", line));
    }

    [Fact]
    public async Task A_broken_file_exits_2_with_every_problem_located_and_no_stack_trace()
    {
        var folder = TempFolder();
        var file = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(file, """
            id: broken
            title: Broken
            period: { from: 2020-01-01, to: 2020-12-31 }
            sources:
              - { id: s, title: T }
            actors:
              - { id: vn, kind: province, country: VN }
            events:
              - { id: e, date: 2020-02-30, kind: visit, between: [vn, cn], source: s }
              - { id: f, date: 2020-03-01, kind: vist, between: [vn, vn], source: s, colour: red }
            """);

        var outcome = await Run("validate", file);

        Assert.Equal(2, outcome.ExitCode);
        var lines = outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{file}:9:", StringComparison.Ordinal) && l.Contains("2020-02-30"));
        Assert.Contains(lines, l => l.StartsWith($"{file}:10:", StringComparison.Ordinal) && l.Contains("unknown field 'colour'"));
        Assert.Contains(lines, l => l.StartsWith($"{file}:10:", StringComparison.Ordinal) && l.Contains("'vist'"));
        Assert.Contains(lines, l => l.StartsWith($"{file}:10:", StringComparison.Ordinal) && l.Contains("both sides"));
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_it()
    {
        var outcome = await Run("validate", "no-such-scenario.yaml");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("no-such-scenario.yaml:1:1: the file does not exist", outcome.Error);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_with_a_plain_message()
    {
        var outcome = await Run("replay", Scenario("lao-cai-hekou-youth.yaml"), "--out", TempFolder(), "--frobnicate");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--frobnicate", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }
}
