using System.Globalization;
using System.Text;
using System.Text.Json;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Output;

/// <summary>series.csv and series.json: ordered dyads, invariant numbers that round-trip, certainty parts, identical bytes.</summary>
public sealed class SeriesCsvTests
{
    // "p_q" and "p0" sort differently by culture ('_' before digits) and by ordinal ('0' before '_').
    private const string Sections = """
        events:
          - { date: 2020-01-01, kind: visit, between: [vn-city, cn-county], source: s, certainty: inferred }
          - { date: 2020-02-15, kind: agreement, between: [la, vn], source: s, termCertainty: assumed }
          - { date: 2020-03-03, kind: disapprove, between: [p_q, p0], source: s }
        """;

    private static readonly string Text = TestScenario.Text(Sections, to: "2020-12-31")
        .Replace("actors:\n", "actors:\n  - { id: p_q, kind: organization, country: VN, name: \"Hội, Nhóm\" }\n  - { id: p0, kind: organization, country: LA }\n");

    private static SeriesResult Series() => ReferenceEvaluator.Evaluate(TestScenario.LoadText(Text), SampleStep.Month);

    private static string[][] Rows(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))];

    private static string Write(SeriesResult result)
    {
        var writer = new StringWriter();
        SeriesCsv.Write(result, writer);
        return writer.ToString().Replace("\r\n", "\n");
    }

    [Fact]
    public void The_header_starts_with_actor_a_actor_b_date_score_its_certainty_parts_and_strength()
    {
        var header = Write(Series()).Split('\n')[0];

        Assert.StartsWith("actor_a,actor_b,date,score,score_reported,score_inferred,score_assumed,strength", header);
    }

    [Fact]
    public void Every_row_puts_actor_a_before_actor_b_in_ordinal_order()
    {
        var rows = Rows(Write(Series()).Replace("\"Hội, Nhóm\"", "Hội Nhóm"));

        Assert.All(rows, row => Assert.True(string.CompareOrdinal(row[0], row[1]) < 0, $"{row[0]} should come before {row[1]}"));
        Assert.Contains(rows, row => row[0] == "p0" && row[1] == "p_q");
    }

    [Fact]
    public void Every_row_holds_a_dyad_a_sample_day_and_its_exact_numbers()
    {
        var result = Series();
        var rows = Rows(Write(result).Replace("\"Hội, Nhóm\"", "Hội Nhóm"));

        Assert.Equal(result.Dyads.Count * result.Dates.Count, rows.Length);
        foreach (var row in rows)
        {
            var series = result.Dyads.Single(d => d.Dyad == new Dyad(row[0], row[1]));
            var i = result.Dates.ToList().IndexOf(DateOnly.ParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(series.Scores[i], double.Parse(row[3], CultureInfo.InvariantCulture));
            Assert.Equal(series.Parts.Reported[i], double.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(series.Parts.Inferred[i], double.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(series.Parts.Assumed[i], double.Parse(row[6], CultureInfo.InvariantCulture));
            Assert.Equal(series.Scores[i], CertaintyParts.Sum(double.Parse(row[4], CultureInfo.InvariantCulture),
                double.Parse(row[5], CultureInfo.InvariantCulture), double.Parse(row[6], CultureInfo.InvariantCulture)));
            Assert.Equal(series.Strengths[i], double.Parse(row[7], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("de-DE")]
    public void Numbers_are_written_in_the_invariant_culture_under_a_comma_decimal_culture(string culture)
    {
        var invariant = Write(Series());
        var saved = CultureInfo.CurrentCulture;
        string local;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            local = Write(Series());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        Assert.Equal(invariant, local);
        Assert.Contains(Rows(local), row => row[3].Contains('.'));
    }

    [Fact]
    public void Series_csv_is_utf8_without_a_byte_order_mark_and_identical_for_identical_input()
    {
        var folder = Directory.CreateTempSubdirectory("relations-tests-");
        try
        {
            var first = Path.Combine(folder.FullName, "first.csv");
            var second = Path.Combine(folder.FullName, "second.csv");
            SeriesCsv.Write(Series(), first);
            SeriesCsv.Write(Series(), second);

            var bytes = File.ReadAllBytes(first);
            Assert.Equal(bytes, File.ReadAllBytes(second));
            Assert.NotEqual(Encoding.UTF8.GetPreamble(), bytes[..3]);
            Assert.Contains("Hội, Nhóm", Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Series_json_holds_every_sample_at_full_precision()
    {
        var result = Series();
        using var stream = new MemoryStream();
        SeriesJson.Write(result, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var dyads = json.RootElement.GetProperty("dyads").EnumerateArray().ToList();

        Assert.Equal(result.Dyads.Count, dyads.Count);
        foreach (var dyad in dyads)
        {
            var series = result.Dyads.Single(d => d.Dyad == new Dyad(dyad.GetProperty("actor_a").GetString()!, dyad.GetProperty("actor_b").GetString()!));
            Assert.Equal(series.Scores, dyad.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("score").GetDouble()));
            Assert.Equal(series.Strengths, dyad.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("strength").GetDouble()));
            Assert.Equal(series.Parts.Reported, dyad.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("score_reported").GetDouble()));
            Assert.Equal(series.Parts.Inferred, dyad.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("score_inferred").GetDouble()));
            Assert.Equal(series.Parts.Assumed, dyad.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("score_assumed").GetDouble()));
        }
    }
}
