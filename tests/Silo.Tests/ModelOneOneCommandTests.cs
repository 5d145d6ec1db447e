using System.Globalization;
using System.Text.Json;
using CsvHelper;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary>The command-line side of format and model 1.1: validate warnings and --strict, --certainty, and <c>relations sources</c>.</summary>
public sealed class ModelOneOneCommandTests
{
    private static string Fixture => Path.Combine(Repository, "tests", "fixtures", "model-1.1.yaml");

    private const string Suspicious = """
        id: suspicious
        period: { from: 2020-01-01, to: 2020-12-31 }
        sources:
          - { id: s, title: "A title | with a pipe", publisher: P }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: cn, kind: region, country: CN }
          - { id: la, kind: province, country: LA }
        events:
          - { id: mou, date: 2020-03-01, kind: agreement, between: [vn, cn], source: s, note: "first line\nsecond | line <b>" }
        """;

    [Fact]
    public async Task Validate_prints_warnings_after_errors_and_exits_0_unless_strict()
    {
        var file = Path.Combine(TempFolder(), "suspicious.yaml");
        await File.WriteAllTextAsync(file, Suspicious);

        var lenient = await Run("validate", file);
        var strict = await Run("validate", file, "--strict");

        Assert.Equal(0, lenient.ExitCode);
        var warnings = lenient.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, warnings.Length);
        Assert.StartsWith($"{file}:8:11: warning: actor 'la' is declared but no event", warnings[0]);
        Assert.StartsWith($"{file}:10:5: warning: agreement 'mou' has no 'term': the default of 3 years applies and its standing tie ends on 2023-03-01", warnings[1]);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains($"{file}:8:11: warning: ", strict.Error);
        Assert.Contains("--strict makes them errors", strict.Error);
    }

    [Fact]
    public async Task A_reported_only_replay_is_the_same_through_grains_and_the_reference_and_says_its_level()
    {
        var actorsOut = Path.Combine(TempFolder(), "actors");
        var referenceOut = Path.Combine(TempFolder(), "reference");
        var everythingOut = Path.Combine(TempFolder(), "everything");

        var actors = await Run("replay", Fixture, "--out", actorsOut, "--certainty", "reported");
        var reference = await Run("replay", Fixture, "--out", referenceOut, "--certainty", "reported", "--engine", "reference");
        var everything = await Run("replay", Fixture, "--out", everythingOut, "--engine", "reference");

        Assert.Equal((0, 0, 0), (actors.ExitCode, reference.ExitCode, everything.ExitCode));
        var actorRows = ReplayCommandTests.ReadSeries(Path.Combine(actorsOut, "series.csv"));
        var referenceRows = ReplayCommandTests.ReadSeries(Path.Combine(referenceOut, "series.csv"));
        Assert.Equal(referenceRows.Keys, actorRows.Keys);
        foreach (var (key, (score, _)) in referenceRows)
            Assert.True(Math.Abs(score - actorRows[key].Score) <= 1e-9, $"{key}: {score} vs {actorRows[key].Score}");
        // The assumed festival and aid reach la-town; reported only, no dyad of la-town is left.
        Assert.DoesNotContain(referenceRows.Keys, k => k.Contains("la-town"));
        Assert.Contains(ReplayCommandTests.ReadSeries(Path.Combine(everythingOut, "series.csv")).Keys, k => k.Contains("la-town"));
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(actorsOut, "series.json")));
        Assert.Equal("reported", json.RootElement.GetProperty("scenario").GetProperty("certainty").GetString());
        Assert.All(json.RootElement.GetProperty("events").EnumerateArray(), e => Assert.Equal("reported", e.GetProperty("certainty").GetString()));
    }

    [Fact]
    public async Task An_unknown_certainty_exits_2_with_the_words_allowed()
    {
        var outcome = await Run("replay", Fixture, "--out", TempFolder(), "--certainty", "likely");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--certainty 'likely' is not one of reported, inferred, assumed", outcome.Error);
    }

    [Fact]
    public async Task Sources_writes_one_row_per_actor_interruption_and_event_as_csv_and_escaped_markdown()
    {
        var folder = TempFolder();
        var file = Path.Combine(folder, "suspicious.yaml");
        await File.WriteAllTextAsync(file, Suspicious);
        var output = Path.Combine(folder, "out");

        var outcome = await Run("sources", file, "--out", output);

        Assert.Equal(0, outcome.ExitCode);
        using var reader = new CsvReader(new StreamReader(Path.Combine(output, "sources.csv")), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["actor", "actor", "actor", "event"], rows.Select(r => (string)r["entry"]));
        var mou = rows[3];
        Assert.Equal(("mou", "2020-03-01", "vn – cn", "agreement", "reported", "s", "A title | with a pipe", "first line\nsecond | line <b>"),
            ((string)mou["id"], (string)mou["date"], (string)mou["between"], (string)mou["kind"], (string)mou["certainty"],
             (string)mou["source_ids"], (string)mou["source_titles"], (string)mou["note"]));
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "sources.md"));
        Assert.Contains(@"first line<br>second \| line &lt;b&gt;", markdown);
        Assert.Contains(@"A title \| with a pipe (`s`)", markdown);
        var eventRow = markdown.Split('\n').Single(l => l.StartsWith("| `mou`", StringComparison.Ordinal));
        Assert.Equal(12, eventRow.Split(" | ").Length);
    }

    [Fact]
    public async Task Sources_of_a_broken_file_exits_2_and_writes_nothing()
    {
        var folder = TempFolder();
        var file = Path.Combine(folder, "broken.yaml");
        await File.WriteAllTextAsync(file, Suspicious.Replace("source: s,", "source: [s, nope],"));
        var output = Path.Combine(folder, "out");

        var outcome = await Run("sources", file, "--out", output);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"{file}:10:", outcome.Error);
        Assert.Contains("source 'nope' is not declared", outcome.Error);
        Assert.False(Directory.Exists(output));
    }
}
