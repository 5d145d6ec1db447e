using Relations.Model.Scenarios;
using static Relations.Import.Tests.TestData;

namespace Relations.Import.Tests;

/// <summary>Spreadsheet and CSV rows: every column, ranges, online mode, Vietnamese and hostile text, and every bad cell at once.</summary>
public sealed class EventSheetTests
{
    private const string Header = "date,from,to,count,kind,actor_a,actor_b,mode,weight,term_until,term_years,certainty,source,source_url,title,note\n";

    [Fact]
    public void Every_column_imports_to_the_scenario_the_hand_written_yaml_of_the_same_events_gives()
    {
        var csv = Header +
            "2019-05-10,,,,visit,lao-cai-city,hekou,online,2.5,,,inferred,Báo Lào Cai: thăm Hà Khẩu,https://baolaocai.vn/a,Thăm Hà Khẩu,Đoàn thanh niên sang thăm\n" +
            ",2013-01-01,2019-12-31,9,visit,lao-cai-city,hekou,in-person,,,,reported,Báo Lào Cai: thăm Hà Khẩu,https://baolaocai.vn/a,9 chuyến thăm,\n" +
            "2021-03-21,,,,agreement,lao-cai;lao-cai-city,yunnan,,,2024-03-21,,,Bản ghi nhớ,,MoU,\n" +
            "2022-01-01,,,,twinning,lao-cai-city,hekou,,,,5,assumed,,,,\n";
        const string yaml = """
            id: every-column
            title: By hand
            period: { from: 2013-01-01, to: 2022-12-31 }
            sources:
              - { id: a, title: "A" }
            actors:
              - { id: lao-cai, kind: province, country: VN }
              - { id: yunnan, kind: province, country: CN }
              - { id: lao-cai-city, kind: city, parent: lao-cai }
              - { id: hekou, kind: county, parent: yunnan }
            events:
              - { date: 2019-05-10, kind: visit, between: [lao-cai-city, hekou], mode: online, weight: 2.5, certainty: inferred, source: a }
              - { date: { from: 2013-01-01, to: 2019-12-31 }, count: 9, kind: visit, between: [lao-cai-city, hekou], source: a }
              - { date: 2021-03-21, kind: agreement, between: [[lao-cai, lao-cai-city], [yunnan]], term: { until: 2024-03-21 }, source: a }
              - { date: 2022-01-01, kind: twinning, between: [lao-cai-city, hekou], term: { years: 5 }, certainty: assumed, source: a }
            """;

        var result = ScenarioImporter.Import(Csv("office.csv", csv), Actors(), new ImportOptions(Id: "every-column"));

        Assert.Empty(result.Problems);
        var imported = result.Scenario!;
        AssertSameSeries(Load(yaml), imported);
        var first = imported.Events[0];
        Assert.Equal((EventMode.Online, 2.5, Certainty.Inferred), (first.Mode, first.Weight, first.Certainty));
        Assert.Equal("Thăm Hà Khẩu", first.Title);
        Assert.Equal("Đoàn thanh niên sang thăm (imported from office.csv, row 2)", first.Note);
        Assert.Equal(EventDate.Range(new(2013, 1, 1), new(2019, 12, 31)), imported.Events[1].Date);
        Assert.Equal(9, imported.Events[1].Count);
        Assert.Equal(["lao-cai", "lao-cai-city"], imported.Events[2].SideA);
        Assert.Equal(new Term(new(2024, 3, 21), null), imported.Events[2].Term);
        Assert.Equal(new Term(null, 5), imported.Events[3].Term);
        Assert.Equal(["Báo Lào Cai: thăm Hà Khẩu", "Bản ghi nhớ", "office.csv (the imported file)"], imported.Sources.Select(s => s.Title));
        Assert.Equal(imported.Events[0].Source, imported.Events[1].Source);
        Assert.Equal("Thành phố Lào Cai", Load(result.Yaml!).ActorById("lao-cai-city").Name);
    }

    [Fact]
    public void Hostile_text_round_trips_as_inert_text()
    {
        const string hostile = "line one\nline two: \"quoted\" 'single' # not a comment\n- [not, a, list]\n{a: b} &anchor *alias ! %TAG <script>alert('x')</script> \\ tab\t end — Lào Cai 老街 🙂 \u0007 bell \u2028 separator \u00a0nbsp \r\n crlf";
        var quoted = "\"" + hostile.Replace("\"", "\"\"") + "\"";
        var csv = Header + $"2019-05-10,,,,visit,lao-cai-city,hekou,,,,,,{quoted},,{quoted},{quoted}\n";

        var result = ScenarioImporter.Import(Csv("hostile.csv", csv), Actors());

        Assert.Empty(result.Problems);
        var ev = result.Scenario!.Events.Single();
        Assert.Equal(hostile.Trim(), ev.Title);
        Assert.Equal($"{hostile.Trim()} (imported from hostile.csv, row 2)", ev.Note);
        Assert.Equal(hostile.Trim(), result.Scenario.Sources.Single().Title);
        Assert.DoesNotContain("<script>alert('x')</script>\n", result.Yaml);
    }

    [Fact]
    public void Three_bad_rows_are_reported_at_once_with_row_and_column()
    {
        var csv = Header +
            "2019-13-01,,,,visit,lao-cai-city,hekou,,,,,,,,,\n" +
            "2019-05-10,,,,visit,lao-cai-city,hekou,,,,,,,,,\n" +
            "2019-05-11,,,,party,lao-cai-city,hekou,,,,,,,,,\n" +
            "2019-05-12,,,,visit,lao-cai-city,nowhere,,,,,,,,,\n";

        var result = ScenarioImporter.Import(Csv("bad.csv", csv), Actors());

        Assert.Null(result.Scenario);
        Assert.Equal(
        [
            "bad.csv:2:1: 'date': '2019-13-01' is not a date: write it as YYYY-MM-DD",
            "bad.csv:4:5: 'kind': 'party' is not a kind of the model; use one of consult, visit, host, cooperate, intent, material, aid, agreement, twinning, disapprove, reduce",
            "bad.csv:5:7: 'actor_b': actor 'nowhere' is not declared in the actors",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_workbook_reports_problems_under_its_sheet_and_counts_blank_rows()
    {
        var rows = EventRows().ToList();
        rows.Insert(1, new Dictionary<string, object?> { ["date"] = null, ["kind"] = null, ["actor_a"] = null, ["actor_b"] = null, ["source_url"] = null });
        rows[3]["date"] = "soon";
        rows[4]["actor_a"] = "VNMGOV";

        var result = ScenarioImporter.Import(Workbook(rows, "office.xlsx"));

        Assert.Equal(
        [
            "office.xlsx[events]:5:1: 'date': 'soon' is not a date: write it as YYYY-MM-DD",
            "office.xlsx[events]:6:3: 'actor_a': actor 'VNMGOV' is not declared in the actors",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Unknown_headers_and_the_rules_of_counts_terms_and_ranges_are_errors()
    {
        var csv = "date,from,to,count,kind,actor_a,actor_b,term_years,colour\n" +
            "2019-05-10,,,3,visit,lao-cai-city,hekou,,red\n" +
            ",2019-01-01,2018-01-01,,visit,lao-cai-city,hekou,,\n" +
            "2019-05-10,,,,visit,lao-cai-city,hekou,2,\n" +
            "2019-05-10,,,,visit,hekou,hekou,,\n";

        var result = ScenarioImporter.Import(Csv("rules.csv", csv), Actors());

        Assert.Equal(
        [
            "rules.csv:1:9: unknown column 'colour' for events; the columns are date, from, to, count, kind, actor_a, actor_b, mode, weight, term_until, term_years, certainty, source, source_url, title, note",
            "rules.csv:2:4: 'count': a count goes only with a date range: give 'from' and 'to' instead of 'date'",
            "rules.csv:3:3: 'to': 'to' (2018-01-01) is before 'from' (2019-01-01)",
            "rules.csv:4:8: 'term_years': a term goes only on an agreement or a twinning",
            "rules.csv:5:7: 'actor_b': actor 'hekou' is on both sides; an actor is never in a dyad with itself",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Actor_kinds_and_countries_are_checked()
    {
        var actors = Csv("actors.csv", "id,kind,country,parent,name\nLao Cai,province,VN,,x\nyunnan,planet,CHN,,\nhekou,county,,nowhere,\n");

        var result = ScenarioImporter.Import(Csv("e.csv", Header), actors);

        Assert.Equal(
        [
            "actors.csv:2:1: 'id': 'Lao Cai' is not a valid id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit",
            "actors.csv:3:2: 'kind': 'planet' is not an actor kind; use one of province, region, district, city, county, commune, village, border-post, organization",
            "actors.csv:3:3: 'country': 'CHN' is not an ISO 3166-1 alpha-2 code such as VN, CN or LA",
            "actors.csv:4:4: 'parent': parent 'nowhere' is not declared in the actors",
        ], result.Problems.Select(p => p.ToString()));
    }
}
