using System.Globalization;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>relations ensemble</c> and <c>relations sweep</c> end to end: files, columns, exactness against replay, exit codes.</summary>
public sealed class EnsembleCommandTests
{
    private static readonly string File = Scenario("lao-cai-hekou-youth.yaml");

    [Fact]
    public async Task Ensemble_draws_are_exactly_the_replays_with_seeds_S_plus_i()
    {
        var folder = TempFolder();
        var ensemble = await Run("ensemble", File, "--draws", "2", "--seed", "7", "--engine", "reference", "--out", Path.Combine(folder, "e"));
        var draw0 = await Run("replay", File, "--seed", "7", "--engine", "reference", "--out", Path.Combine(folder, "r7"));
        var draw1 = await Run("replay", File, "--seed", "8", "--engine", "reference", "--out", Path.Combine(folder, "r8"));
        var plain = await Run("replay", File, "--engine", "reference", "--out", Path.Combine(folder, "r"));

        Assert.Equal([0, 0, 0, 0], new[] { ensemble.ExitCode, draw0.ExitCode, draw1.ExitCode, plain.ExitCode });
        Assert.Matches(@"^job: lao-cai-hekou-youth-[0-9a-f]{8}$", ensemble.OutLines[0]);
        var rows = Csv.Read(Path.Combine(folder, "e", "ensemble.csv"));
        Assert.Equal(
            ["actor_a", "actor_b", "date", "strength", "score", "score_mean", "score_sd", "strength_mean",
             "strength_p05", "strength_p25", "strength_p50", "strength_p75", "strength_p95", "draws", "estimate"],
            rows.Header[..15]);
        var (s7, s8, s) = (Csv.Series(Path.Combine(folder, "r7")), Csv.Series(Path.Combine(folder, "r8")), Csv.Series(Path.Combine(folder, "r")));
        Assert.Equal(s.Count, rows.Rows.Count);
        var differ = 0;
        foreach (var row in rows.Rows)
        {
            var key = (row["actor_a"], row["actor_b"], row["date"]);
            var (a, b) = (s7[key].Strength, s8[key].Strength);
            // Two draws: rank ⌈0.05·2⌉ = 1 is the smaller, ⌈0.95·2⌉ = 2 the larger, ⌈0.5·2⌉ = 1 the smaller.
            Assert.Equal(Math.Min(a, b), Csv.Number(row["strength_p05"]));
            Assert.Equal(Math.Min(a, b), Csv.Number(row["strength_p50"]));
            Assert.Equal(Math.Max(a, b), Csv.Number(row["strength_p95"]));
            Assert.Equal(s[key].Strength, Csv.Number(row["strength"]));
            Assert.Equal(s[key].Score, Csv.Number(row["score"]));
            Assert.Equal("2", row["draws"]);
            differ += a != b ? 1 : 0;
        }
        Assert.True(differ > 0, "the two draws should differ somewhere");
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "e", "overview.png")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "e", "dyads"), "*.png"));
    }

    [Theory]
    [InlineData("none", false, false)]
    [InlineData("overview", true, false)]
    public async Task Ensemble_plots_option_writes_only_the_plots_asked_for(string plots, bool overview, bool dyads)
    {
        var folder = TempFolder();
        var result = await Run("ensemble", File, "--draws", "2", "--engine", "fast", "--plots", plots, "--out", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "ensemble.csv")));
        Assert.Equal(overview, System.IO.File.Exists(Path.Combine(folder, "overview.png")));
        Assert.Equal(dyads, Directory.Exists(Path.Combine(folder, "dyads")) && Directory.GetFiles(Path.Combine(folder, "dyads")).Length > 0);
    }

    [Fact]
    public async Task An_ensemble_through_grains_equals_the_reference_ensemble()
    {
        var folder = TempFolder();
        var actors = await Run("ensemble", File, "--draws", "3", "--seed", "1", "--out", Path.Combine(folder, "a"));
        var reference = await Run("ensemble", File, "--draws", "3", "--seed", "1", "--engine", "reference", "--out", Path.Combine(folder, "r"));

        Assert.Equal(0, actors.ExitCode);
        Assert.Equal(0, reference.ExitCode);
        Assert.Contains("progress: 3/3 draws (100%)", actors.OutLines);
        var (a, r) = (Csv.Read(Path.Combine(folder, "a", "ensemble.csv")), Csv.Read(Path.Combine(folder, "r", "ensemble.csv")));
        Assert.Equal(r.Rows.Count, a.Rows.Count);
        for (var i = 0; i < r.Rows.Count; i++)
        {
            foreach (var column in (string[])["score_mean", "score_sd", "strength_mean", "strength_p05", "strength_p50", "strength_p95"])
                Assert.True(Math.Abs(Csv.Number(r.Rows[i][column]) - Csv.Number(a.Rows[i][column])) <= 1e-9, $"row {i} {column}");
        }
    }

    [Fact]
    public async Task A_sweep_writes_every_cell_in_grid_order_equal_to_the_replay_of_its_variant()
    {
        var folder = TempFolder();
        var variant = Path.Combine(folder, "cell3.yaml");
        await System.IO.File.WriteAllTextAsync(variant, $"variant: cell3\nbase: {File}\nchanges:\n  model: {{ kappa: 10, weights: {{ visit: 3 }} }}\n");

        var sweep = await Run("sweep", File, "--set", "kappa=5,10", "--set", "weights.visit=1,3", "--engine", "reference", "--out", Path.Combine(folder, "s"));
        var replay = await Run("replay", variant, "--engine", "reference", "--out", Path.Combine(folder, "v"));

        Assert.Equal(0, sweep.ExitCode);
        Assert.Equal(0, replay.ExitCode);
        var rows = Csv.Read(Path.Combine(folder, "s", "sweep.csv"));
        Assert.Equal(["cell", "kappa", "weights.visit", "actor_a", "actor_b", "date", "score", "strength"], rows.Header);
        Assert.Equal(["0", "1", "2", "3"], rows.Rows.Select(r => r["cell"]).Distinct());
        Assert.Equal([("5", "1"), ("5", "3"), ("10", "1"), ("10", "3")], rows.Rows.Select(r => (r["kappa"], r["weights.visit"])).Distinct());
        var expected = Csv.Series(Path.Combine(folder, "v"));
        var cell3 = rows.Rows.Where(r => r["cell"] == "3").ToList();
        Assert.Equal(expected.Count, cell3.Count);
        foreach (var row in cell3)
        {
            var (score, strength) = expected[(row["actor_a"], row["actor_b"], row["date"])];
            Assert.Equal(score, Csv.Number(row["score"]));
            Assert.Equal(strength, Csv.Number(row["strength"]));
        }
        var sensitivity = Csv.Read(Path.Combine(folder, "s", "sensitivity.csv"));
        Assert.Equal(["actor_a", "actor_b", "key", "swing"], sensitivity.Header[..4]);
        Assert.Contains(sensitivity.Rows, r => r["key"] == "kappa" && Csv.Number(r["swing"]) > 0);
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "s", "sensitivity.png")));
    }

    [Fact]
    public async Task A_sweep_with_draws_writes_the_ensemble_columns_per_cell()
    {
        var folder = TempFolder();
        var sweep = await Run("sweep", File, "--set", "halfLifeDays=365,730", "--draws", "2", "--seed", "3", "--certainty", "reported", "--engine", "reference", "--out", folder);

        Assert.Equal(0, sweep.ExitCode);
        var rows = Csv.Read(Path.Combine(folder, "sweep.csv"));
        Assert.Equal(["cell", "halfLifeDays", "actor_a", "actor_b", "date", "strength", "score", "score_mean"], rows.Header[..8]);
        Assert.All(rows.Rows, r => Assert.Equal("2", r["draws"]));
    }

    [Theory]
    [InlineData("sweep", "--set", "kappa=0", "kappa")]
    [InlineData("sweep", "--set", "halfLife=365", "halfLife")]
    [InlineData("sweep", "--set", "weights.visit=x", "weights.visit")]
    [InlineData("ensemble", "--draws", "0", "--draws")]
    [InlineData("ensemble", "--seed", "2147483647", "--seed")]
    public async Task Bad_options_exit_2_naming_what_is_wrong_and_write_nothing(string command, string option, string value, string named)
    {
        var output = Path.Combine(TempFolder(), "out");
        string[] args = command == "ensemble"
            ? ["ensemble", File, "--engine", "reference", "--out", output, .. option == "--seed" ? ["--draws", "2"] : Array.Empty<string>(), option, value]
            : ["sweep", File, "--engine", "reference", "--out", output, option, value];

        var outcome = await Run(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(named, outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.False(Directory.Exists(output));
    }

    public static TheoryData<string, string, string> OutOfRange() => Relations.Model.Tests.TestSupport.ParameterEdges.Theory();

    /// <summary>Issue 18: every --set value meets the scenario file's rule for its key, or exits 2 naming the key and its range.</summary>
    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Every_model_parameter_out_of_its_range_exits_2_naming_it_and_its_range(string key, string value, string range)
    {
        var output = Path.Combine(TempFolder(), "out");

        var outcome = await Run("sweep", File, "--engine", "reference", "--out", output, "--set", $"{key}={value}");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"--set {key}: {value} is outside its range", outcome.Error);
        Assert.Contains(range, outcome.Error);
        Assert.False(Directory.Exists(output));
    }

    /// <summary>Reading the CSVs the commands write.</summary>
    private static class Csv
    {
        public sealed record Table(string[] Header, List<Dictionary<string, string>> Rows);

        public static Table Read(string path)
        {
            var lines = System.IO.File.ReadAllLines(path);
            var header = lines[0].Split(',');
            var rows = lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
            return new Table(header, rows);
        }

        public static Dictionary<(string, string, string), (double Score, double Strength)> Series(string folder) =>
            Read(Path.Combine(folder, "series.csv")).Rows.ToDictionary(
                r => (r["actor_a"], r["actor_b"], r["date"]), r => (Number(r["score"]), Number(r["strength"])));

        public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    }
}
