using System.Diagnostics;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>replay --plots</c> writes the plots asked for, <c>--engine fast</c> equals the reference, and a replay run as its own process keeps stderr empty.</summary>
public sealed class ReplayPlotsTests
{
    [Fact]
    public async Task Plots_overview_is_the_default_all_adds_one_per_dyad_and_none_writes_none()
    {
        var folder = TempFolder();
        var scenario = Scenario("lao-cai-hekou-youth.yaml");

        var overview = await Run("replay", scenario, "--out", Path.Combine(folder, "overview"), "--engine", "fast");
        var all = await Run("replay", scenario, "--out", Path.Combine(folder, "all"), "--engine", "fast", "--plots", "all");
        var none = await Run("replay", scenario, "--out", Path.Combine(folder, "none"), "--engine", "fast", "--plots", "none");
        var bad = await Run("replay", scenario, "--out", Path.Combine(folder, "bad"), "--plots", "some");

        Assert.Equal([0, 0, 0], [overview.ExitCode, all.ExitCode, none.ExitCode]);
        Assert.Equal(["overview.png", "overview.svg", "series.csv", "series.json"], Files(Path.Combine(folder, "overview")));
        Assert.False(Directory.Exists(Path.Combine(folder, "overview", "dyads")));
        var dyads = File.ReadAllLines(Path.Combine(folder, "all", "series.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Distinct().Count();
        Assert.Equal(2 * dyads, Directory.GetFiles(Path.Combine(folder, "all", "dyads")).Length);
        Assert.Equal(["series.csv", "series.json"], Files(Path.Combine(folder, "none")));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--plots", bad.Error);
    }

    [Fact]
    public async Task The_fast_engine_writes_the_series_the_reference_writes()
    {
        var folder = TempFolder();
        var scenario = Scenario("border-2013-2026.yaml");

        var fast = await Run("replay", scenario, "--out", Path.Combine(folder, "fast"), "--engine", "fast", "--plots", "none");
        var reference = await Run("replay", scenario, "--out", Path.Combine(folder, "reference"), "--engine", "reference", "--plots", "none");

        Assert.Equal([0, 0], [fast.ExitCode, reference.ExitCode]);
        var fastRows = ReplayCommandTests.ReadSeries(Path.Combine(folder, "fast", "series.csv"));
        var referenceRows = ReplayCommandTests.ReadSeries(Path.Combine(folder, "reference", "series.csv"));
        Assert.Equal(referenceRows.Keys, fastRows.Keys);
        foreach (var (key, (score, _)) in referenceRows)
            Assert.True(Math.Abs(score - fastRows[key].Score) <= 1e-9, $"{key}: reference {score}, fast {fastRows[key].Score}");
    }

    [Fact]
    public async Task An_ensemble_with_the_fast_engine_writes_what_the_reference_writes()
    {
        var folder = TempFolder();
        var scenario = Scenario("lao-cai-hekou-youth.yaml");

        var fast = await Run("ensemble", scenario, "--draws", "8", "--seed", "5", "--out", Path.Combine(folder, "fast"), "--engine", "fast");
        var reference = await Run("ensemble", scenario, "--draws", "8", "--seed", "5", "--out", Path.Combine(folder, "reference"), "--engine", "reference");

        Assert.Equal([0, 0], [fast.ExitCode, reference.ExitCode]);
        var fastRows = File.ReadAllLines(Path.Combine(folder, "fast", "ensemble.csv"));
        var referenceRows = File.ReadAllLines(Path.Combine(folder, "reference", "ensemble.csv"));
        Assert.Equal(referenceRows.Length, fastRows.Length);
        Assert.Equal(referenceRows[0], fastRows[0]);
        foreach (var (r, f) in referenceRows.Skip(1).Zip(fastRows.Skip(1)))
        {
            foreach (var (x, y) in r.Split(',').Zip(f.Split(',')))
            {
                if (double.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out var a) && double.TryParse(y, System.Globalization.CultureInfo.InvariantCulture, out var b))
                    Assert.True(Math.Abs(a - b) <= 1e-9, $"{r} against {f}");
                else
                    Assert.Equal(x, y);
            }
        }
    }

    [Fact]
    public async Task A_replay_with_every_plot_leaves_stderr_empty()
    {
        // The built program as its own process: Skia writes its warnings to the native stderr, which no in-process capture sees.
        var program = Path.Combine(AppContext.BaseDirectory, "relations.dll");
        Assert.True(File.Exists(program), program);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program, "replay", Scenario("border-2013-2026.yaml"), "--out", Path.Combine(TempFolder(), "out"), "--engine", "fast", "--plots", "all" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("plots to", await output);
            Assert.Equal("", await error);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static string[] Files(string folder) =>
        [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
