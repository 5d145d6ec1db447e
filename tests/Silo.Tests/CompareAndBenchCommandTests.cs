using System.Globalization;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>relations compare</c> and <c>relations bench</c> end to end.</summary>
public sealed class CompareAndBenchCommandTests
{
    [Fact]
    public async Task Compare_writes_compare_csv_whose_delta_is_the_difference_of_the_two_replays()
    {
        var folder = TempFolder();
        var output = Path.Combine(folder, "compare");

        var outcome = await Run("compare", Scenario("border-2013-2026.yaml"), Scenario("what-if", "no-covid.yaml"), "--out", output, "--engine", "reference");
        var baseRun = await Run("replay", Scenario("border-2013-2026.yaml"), "--out", Path.Combine(folder, "base"), "--engine", "reference");
        var otherRun = await Run("replay", Scenario("what-if", "no-covid.yaml"), "--out", Path.Combine(folder, "other"), "--engine", "reference");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(0, baseRun.ExitCode);
        Assert.Equal(0, otherRun.ExitCode);
        var lines = File.ReadAllLines(Path.Combine(output, "compare.csv"));
        Assert.Equal("actor_a,actor_b,date,base_strength,other_strength,delta", lines[0]);
        var baseSeries = ReplayCommandTests.ReadSeries(Path.Combine(folder, "base", "series.csv"));
        var otherSeries = ReplayCommandTests.ReadSeries(Path.Combine(folder, "other", "series.csv"));
        var changed = 0;
        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            var key = $"{fields[0]},{fields[1]},{fields[2]}";
            var (b, o, d) = (Parse(fields[3]), Parse(fields[4]), Parse(fields[5]));
            Assert.Equal(baseSeries[key].Strength, b);
            Assert.Equal(otherSeries[key].Strength, o);
            Assert.Equal(o - b, d);
            changed += d != 0 ? 1 : 0;
        }
        Assert.True(changed > 0, "removing COVID-19 changes some strengths");
        Assert.True(File.Exists(Path.Combine(output, "compare.png")));
        Assert.True(File.Exists(Path.Combine(output, "compare.svg")));
    }

    [Fact]
    public async Task Bench_ends_with_the_throughput_ratio_line()
    {
        var outcome = await Run("bench", "--events", "2000", "--dyads", "50", "--seed", "3");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^actors/fast throughput ratio: \d+\.\d{3}$", outcome.OutLines[^1]);
        foreach (var engine in (string[])["fast:", "actors:", "reference:"])
            Assert.Contains(outcome.OutLines, l => l.StartsWith(engine, StringComparison.Ordinal) && l.Contains("events/s") && l.Contains("MiB"));
        Assert.Contains(outcome.OutLines, l => l.StartsWith("fast and actors agree", StringComparison.Ordinal));
        Assert.Contains(outcome.OutLines, l => l.StartsWith("fast and reference agree", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bench_refuses_more_dyads_than_events_with_exit_2()
    {
        var outcome = await Run("bench", "--events", "10", "--dyads", "50");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--dyads", outcome.Error);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
