using System.Globalization;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>relations replay</c> end to end: files written, run id printed, both engines equal, bad input changes nothing.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public async Task A_replay_through_grains_writes_series_and_plots_equal_to_the_reference_replay()
    {
        var actorsOut = Path.Combine(TempFolder(), "actors");
        var referenceOut = Path.Combine(TempFolder(), "reference");

        var actors = await Run("replay", Scenario("lao-cai-hekou-youth.yaml"), "--out", actorsOut, "--plots", "all");
        var reference = await Run("replay", Scenario("lao-cai-hekou-youth.yaml"), "--out", referenceOut, "--engine", "reference");

        Assert.Equal(0, actors.ExitCode);
        Assert.Equal(0, reference.ExitCode);
        Assert.Matches(@"^run: lao-cai-hekou-youth-[0-9a-f]{8}$", actors.OutLines[0]);
        foreach (var name in (string[])["series.csv", "series.json", "overview.png", "overview.svg"])
            Assert.True(File.Exists(Path.Combine(actorsOut, name)), name);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(Path.Combine(actorsOut, "overview.png"))[..4]);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(actorsOut, "dyads"), "*.png"));

        var actorRows = ReadSeries(Path.Combine(actorsOut, "series.csv"));
        var referenceRows = ReadSeries(Path.Combine(referenceOut, "series.csv"));
        Assert.Equal(referenceRows.Keys, actorRows.Keys);
        foreach (var (key, (score, strength)) in referenceRows)
        {
            Assert.True(Math.Abs(score - actorRows[key].Score) <= 1e-9, $"{key}: score {score} vs {actorRows[key].Score}");
            Assert.True(Math.Abs(strength - actorRows[key].Strength) <= 1e-9, $"{key}: strength {strength} vs {actorRows[key].Strength}");
        }
    }

    [Fact]
    public async Task A_bad_scenario_exits_2_and_creates_no_output_folder()
    {
        var folder = TempFolder();
        var file = Path.Combine(folder, "bad.yaml");
        await File.WriteAllTextAsync(file, "id: bad\ntitle: Bad\nperiod: { from: 2020-01-01, to: 2019-01-01 }\n");
        var output = Path.Combine(folder, "out");

        var outcome = await Run("replay", file, "--out", output);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"{file}:3:", outcome.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Explain_lists_contributions_and_certainty_parts_that_add_up_to_the_score()
    {
        var outcome = await Run("explain", Scenario("lao-cai-hekou-youth.yaml"), "--between", "lao-cai-city", "hekou", "--date", "2023-06-01");

        Assert.Equal(0, outcome.ExitCode);
        static double First(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
        var score = double.Parse(outcome.OutLines[0].Split("score ")[1].Split(',')[0], CultureInfo.InvariantCulture);
        var total = First(outcome.OutLines.Single(l => l.EndsWith("  total", StringComparison.Ordinal)));
        Assert.Equal(score, total, 5);
        // Model.md rule 9: one line per level, after the total, adding up to the score.
        var parts = outcome.OutLines.SkipWhile(l => !l.EndsWith("  total", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(["reported", "inferred", "assumed"], parts.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Equal(score, parts.Sum(First), 5);
        Assert.True(outcome.OutLines.Length > 6);
    }

    internal static Dictionary<string, (double Score, double Strength)> ReadSeries(string path) =>
        File.ReadLines(path).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(
                f => $"{f[0]},{f[1]},{f[2]}",
                f => (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[7], CultureInfo.InvariantCulture)));
}
