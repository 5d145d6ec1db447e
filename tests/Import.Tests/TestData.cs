using System.Text;
using MiniExcelLibs;
using Relations.Import;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Import.Tests;

/// <summary>Small event files the tests write themselves: one set of events as CSV, .xlsx, GDELT layouts and hand-written YAML.</summary>
internal static class TestData
{
    public const string ActorsCsv =
        "id,kind,country,parent,name,name_en,name_zh,code\n" +
        "lao-cai,province,VN,,Lào Cai,Lao Cai,老街,VNMGOV;LAO CAI\n" +
        "yunnan,province,CN,,Vân Nam,Yunnan,云南,CHNGOV\n" +
        "lao-cai-city,city,,lao-cai,Thành phố Lào Cai,Lao Cai city,老街市,VNMCIT\n" +
        "hekou,county,,yunnan,Huyện Hà Khẩu,Hekou,河口县,\n";

    /// <summary>The events shared by the .xlsx, the GDELT files and the hand-written YAML: date, CAMEO code, kind, the two actors.</summary>
    public static readonly (DateTime Day, string Code, string Kind, string A, string B, string Url)[] Events =
    [
        (new(2019, 5, 10), "042", "visit", "lao-cai-city", "hekou", "https://baolaocai.vn/tham-ha-khau"),
        (new(2019, 6, 1), "043", "host", "hekou", "lao-cai-city", "https://baolaocai.vn/tham-ha-khau"),
        (new(2021, 3, 21), "0571", "agreement", "lao-cai", "yunnan", "https://example.org/mou"),
        (new(2022, 8, 2), "040", "consult", "lao-cai-city", "hekou", "https://example.org/talks"),
        (new(2023, 1, 15), "051", "cooperate", "lao-cai", "yunnan", "https://example.org/joint"),
    ];

    /// <summary>GDELT actor codes for the scenario actors (hekou by its derived id, the others through the 'code' column).</summary>
    private static readonly Dictionary<string, string> Codes = new()
    {
        ["lao-cai"] = "VNMGOV", ["yunnan"] = "CHNGOV", ["lao-cai-city"] = "VNMCIT", ["hekou"] = "HEKOU",
    };

    public const string HandWrittenYaml = """
        id: hand-written
        title: The same events, by hand
        period: { from: 2019-01-01, to: 2023-12-31 }
        sources:
          - { id: s1, title: "One article" }
        actors:
          - { id: lao-cai, kind: province, country: VN, name: "Lào Cai" }
          - { id: yunnan, kind: province, country: CN }
          - { id: lao-cai-city, kind: city, parent: lao-cai }
          - { id: hekou, kind: county, parent: yunnan }
        events:
          - { date: 2019-05-10, kind: visit, between: [lao-cai-city, hekou], source: s1 }
          - { date: 2019-06-01, kind: host, between: [hekou, lao-cai-city], source: s1 }
          - { date: 2021-03-21, kind: agreement, between: [lao-cai, yunnan], source: s1 }
          - { date: 2022-08-02, kind: consult, between: [lao-cai-city, hekou], source: s1 }
          - { date: 2023-01-15, kind: cooperate, between: [lao-cai, yunnan], source: s1 }
        """;

    public static ImportFile Actors() => new("actors.csv", Encoding.UTF8.GetBytes(ActorsCsv));

    public static ImportFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The text of a file the tests wrote.</summary>
    public static string Text(ImportFile file)
    {
        using var reader = new StreamReader(file.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A workbook with an 'events' sheet (real date cells) and an 'actors' sheet.</summary>
    public static ImportFile Workbook(IEnumerable<Dictionary<string, object?>> events, string name = "events.xlsx")
    {
        var actorLines = ActorsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = actorLines[0].Split(',');
        var actors = actorLines.Skip(1).Select(line => columns.Zip(line.Split(','))
            .ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["events"] = events.ToList(), ["actors"] = actors }, excelType: ExcelType.XLSX);
        return new ImportFile(name, stream.ToArray());
    }

    public static IEnumerable<Dictionary<string, object?>> EventRows() => Events.Select(e => new Dictionary<string, object?>
    {
        ["date"] = e.Day, ["kind"] = e.Kind, ["actor_a"] = e.A, ["actor_b"] = e.B, ["source_url"] = e.Url,
    });

    /// <summary>The events as GDELT lines of a layout (57, 58 or 61 columns), with one more event whose code maps to no kind.</summary>
    public static ImportFile Gdelt(int columns, params string[] extraLines)
    {
        var lines = Events.Select((e, i) => GdeltLine(columns, 500_000 + i, e.Day.ToString("yyyyMMdd"), Codes[e.A], Codes[e.B], e.Code, e.Url)).ToList();
        lines.Insert(2, GdeltLine(columns, 600_000, "20200101", "VNMGOV", "CHNGOV", "190", "https://example.org/fight"));
        lines.AddRange(extraLines);
        return Csv($"gdelt-{columns}.export.CSV", string.Join("\n", lines) + "\n");
    }

    public static string GdeltLine(int columns, int id, string day, string actor1, string actor2, string code, string url, string actor2Name = "")
    {
        var cells = new string[columns];
        Array.Fill(cells, "");
        cells[0] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[1] = day;
        cells[5] = actor1;
        cells[15] = actor2;
        cells[16] = actor2Name;
        cells[26] = code;
        cells[30] = "1.9";
        if (columns > 57)
            cells[columns - 1] = url;
        return string.Join('\t', cells);
    }

    /// <summary>Loads YAML text as <c>relations replay</c> would.</summary>
    public static Scenario Load(string yaml)
    {
        var (scenario, problems) = new ScenarioLoader().CheckText("test.yaml", yaml, Path.GetTempPath());
        Assert.Empty(problems);
        return scenario!;
    }

    /// <summary>Asserts two scenarios replay (reference engine, monthly) to the same series, digit for digit.</summary>
    public static void AssertSameSeries(Scenario expected, Scenario actual)
    {
        var a = ReferenceEvaluator.Evaluate(expected);
        var b = ReferenceEvaluator.Evaluate(actual);
        Assert.Equal(a.Dates, b.Dates);
        Assert.Equal(a.Dyads.Select(d => d.Dyad), b.Dyads.Select(d => d.Dyad));
        foreach (var (x, y) in a.Dyads.Zip(b.Dyads))
        {
            Assert.Equal(x.Scores, y.Scores);
            Assert.Equal(x.Strengths, y.Strengths);
        }
        Assert.Contains(a.Dyads, d => d.Strengths[^1] > 0);
    }
}
