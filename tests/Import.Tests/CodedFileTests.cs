using Relations.Model.Scenarios;
using static Relations.Import.Tests.TestData;

namespace Relations.Import.Tests;

/// <summary>
/// GDELT and ICEWS files as they come: country-coded actors placed in provinces, layouts mixed line by line, header
/// rows of any spelling, self and ancestor pairs, repeated reports merged, and every row accounted for.
/// </summary>
public sealed class CodedFileTests
{
    /// <summary>The README's example: country codes, placed by province; the country itself for events elsewhere.</summary>
    private const string PlacedActors =
        "id,kind,country,parent,name,code,places\n" +
        "vietnam,organization,VN,,Việt Nam,VNM;VNMGOV;Vietnam,\n" +
        "china,organization,CN,,Trung Quốc,CHN;CHNGOV;China,\n" +
        "lao-cai,province,VN,,Lào Cai,VNM;VNMGOV;Vietnam,Lào Cai;VM02\n" +
        "lao-cai-city,city,,lao-cai,Thành phố Lào Cai,VNM;VNMGOV;Vietnam,Thành phố Lào Cai\n" +
        "yunnan,province,CN,,Vân Nam,CHN;CHNGOV;China,Yunnan;CH29\n" +
        "hekou,county,,yunnan,Hà Khẩu,CHN;CHNGOV;China,Hekou\n";

    private static ImportFile Placed() => Csv("actors.csv", PlacedActors);

    /// <summary>A GDELT line with geography: each place is (type, full name, ADM1 code); type 0 is none.</summary>
    private static string Line(int columns, long id, string day, string a1, string a1Country, string a2, string a2Country, string code,
        (int Type, string Name, string Adm1) geo1, (int Type, string Name, string Adm1) geo2, (int Type, string Name, string Adm1) action,
        string url = "https://example.org/a", int sources = 1, int articles = 2)
    {
        var cells = new string[columns];
        Array.Fill(cells, "");
        cells[0] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[1] = day;
        (cells[5], cells[7], cells[15], cells[17]) = (a1, a1Country, a2, a2Country);
        (cells[26], cells[30], cells[32], cells[33]) = (code, "1.9", $"{sources}", $"{articles}");
        var block = columns == 61 ? 8 : 7;
        foreach (var (start, place) in new[] { (35, geo1), (35 + block, geo2), (35 + 2 * block, action) })
            (cells[start], cells[start + 1], cells[start + 3]) = ($"{place.Type}", place.Name, place.Adm1);
        if (columns > 57)
            cells[columns - 1] = url;
        return string.Join('\t', cells);
    }

    private static readonly (int, string, string) None = (0, "", "");
    private static readonly (int, string, string) LaoCai = (4, "Lao Cai, Lao Cai, Vietnam", "VM02");
    private static readonly (int, string, string) Hekou = (4, "Hekou, Yunnan, China", "CH29");
    private static readonly (int, string, string) Kunming = (4, "Kunming, Yunnan, China", "CH29");
    private static readonly (int, string, string) Hanoi = (4, "Hanoi, Ha N?i, Vietnam", "VM44");

    [Fact]
    public void Country_coded_gdelt_rows_become_province_level_dyads_by_their_places()
    {
        var file = Csv("placed.export.CSV", string.Join("\n",
            Line(61, 1, "20190510", "VNMGOV", "VNM", "CHNGOV", "CHN", "042", LaoCai, Kunming, Kunming),
            Line(61, 2, "20190511", "VNM", "VNM", "CHN", "CHN", "043", None, None, Hekou),
            Line(61, 3, "20190512", "VNMGOV", "VNM", "CHN", "CHN", "040", Hanoi, None, Hanoi),
            Line(61, 4, "20190513", "VNM", "VNM", "CHN", "CHN", "040", (1, "Vietnam", "VM"), None, LaoCai)) + "\n");

        var result = ScenarioImporter.Import(file, Placed(), new ImportOptions(Dedupe: DedupeMode.None));

        Assert.Empty(result.Problems);
        Assert.Equal(
        [
            // Own geographies first: Lào Cai (VM02) and Kunming in Yunnan (CH29).
            ("gdelt-1", "lao-cai", "yunnan"),
            // No own geography: both take the action's, Hekou, where the county is more specific than its province;
            // no Vietnamese actor holds Hekou, so actor 1 is the Vietnamese actor without places.
            ("gdelt-2", "vietnam", "hekou"),
            // Hà Nội is no listed place: the actors without places, by code (VNMGOV) and by country (CHN).
            ("gdelt-3", "vietnam", "china"),
            // A country-level own geography matches no place; the action's (Lào Cai) does, for actor 1 only.
            ("gdelt-4", "lao-cai", "china"),
        ], result.Scenario!.Events.Select(e => (e.Id, e.SideA[0], e.SideB[0])));
    }

    [Fact]
    public void Self_pairs_and_actor_ancestor_pairs_are_skipped_and_counted_not_fatal()
    {
        var file = Csv("pairs.export.CSV", string.Join("\n",
            Line(58, 10, "20200101", "CHNGOV", "CHN", "CHN", "CHN", "042", None, None, None),
            Line(58, 11, "20200102", "VNM", "VNM", "VNMGOV", "VNM", "042", LaoCai, (4, "Thanh pho Lao Cai, Lao Cai, Vietnam", "VM02"), None),
            Line(58, 12, "20200103", "VNM", "VNM", "CHN", "CHN", "042", (4, "Thanh pho Lao Cai, Lao Cai, Vietnam", "VM02"), Hekou, None),
            Line(58, 13, "20200104", "USAGOV", "USA", "USAGOV", "USA", "042", None, None, None)) + "\n");

        var result = ScenarioImporter.Import(file, Placed(), new ImportOptions(SkipUnmappedActors: true));

        Assert.Empty(result.Problems);
        var ev = Assert.Single(result.Scenario!.Events);
        Assert.Equal(("lao-cai-city", "hekou"), (ev.SideA[0], ev.SideB[0]));
        Assert.Equal(
            [(SkipReason.UnmappedActor, 1, 4), (SkipReason.SelfPair, 1, 1), (SkipReason.AncestorPair, 1, 2)],
            result.Summary.Skips.Select(s => (s.Reason, s.Count, s.FirstRows[0])));
        Assert.Equal("CHNGOV → CHN are both 'china'", result.Summary.Skips[1].Example);
        Assert.Equal(result.Summary.Rows, result.Summary.Events + result.Summary.Skipped);
    }

    [Fact]
    public void Layouts_mix_line_by_line_and_header_rows_of_any_spelling_are_not_counted()
    {
        string Row(int columns, long id) => Line(columns, id, "20190510", "VNM", "VNM", "CHN", "CHN", "042", LaoCai, Kunming, None);
        string Header(string first, int columns) => string.Join('\t', new[] { first, "Day" }.Concat(Enumerable.Repeat("Column", columns - 2)));
        var file = Csv("mixed.CSV", string.Join("\n",
            Header("GlobalEventsID", 61), Row(61, 1), Row(58, 2), Row(57, 3),
            Header("GLOBALEVENTID", 58), Row(58, 4), Header("Global Event ID", 57), Row(57, 5)) + "\n");

        var result = ScenarioImporter.Import(file, Placed(), new ImportOptions(Dedupe: DedupeMode.None));

        Assert.Empty(result.Problems);
        Assert.Equal((5, 5, 3), (result.Summary.Rows, result.Summary.Events, result.Summary.HeaderRows));
        Assert.Equal(["gdelt-1", "gdelt-2", "gdelt-3", "gdelt-4", "gdelt-5"], result.Scenario!.Events.Select(e => e.Id));
        Assert.Equal("a GDELT event file: GDELT 1.0 back file, GDELT 1.0 daily file, GDELT 2.0", result.Summary.Format);
        // A back-file row has no SOURCEURL: it cites the imported file.
        Assert.Equal("mixed.CSV (the imported file)", result.Scenario.Sources.Single(s => s.Id == result.Scenario.Events[2].Source).Title);
    }

    [Fact]
    public void Reports_of_one_day_dyad_and_kind_merge_keeping_every_rows_id_counts_and_link()
    {
        var file = Csv("repeats.export.CSV", string.Join("\n",
            Line(61, 21, "20190510", "VNM", "VNM", "CHN", "CHN", "042", LaoCai, Kunming, None, "https://a.example/1", 1, 3),
            Line(61, 22, "20190510", "CHN", "CHN", "VNM", "VNM", "042", Kunming, LaoCai, None, "https://b.example/2", 2, 5),
            Line(61, 23, "20190510", "VNM", "VNM", "CHN", "CHN", "043", LaoCai, Kunming, None, "https://a.example/1"),
            Line(61, 24, "20190511", "VNM", "VNM", "CHN", "CHN", "042", LaoCai, Kunming, None, "https://a.example/1")) + "\n");

        var merged = ScenarioImporter.Import(file, Placed());
        var separate = ScenarioImporter.Import(file, Placed(), new ImportOptions(Dedupe: DedupeMode.None));

        Assert.Equal(["gdelt-21", "gdelt-23", "gdelt-24"], merged.Scenario!.Events.Select(e => e.Id));
        var visit = merged.Scenario.Events[0];
        Assert.Equal(2, visit.Sources.Count);
        Assert.Equal(["https://a.example/1", "https://b.example/2"], visit.Sources.Select(id => merged.Scenario.Sources.Single(s => s.Id == id).Url));
        Assert.StartsWith("GDELT events 21, 22 (2 rows of one day, dyad and kind, merged; CAMEO 042)", visit.Note);
        Assert.Contains("21: Goldstein 1.9, 1 source, 3 articles, https://a.example/1; 22: Goldstein 1.9, 2 sources, 5 articles, https://b.example/2", visit.Note);
        Assert.EndsWith("lines 1, 2", visit.Note);
        var skip = Assert.Single(merged.Summary.Skips);
        Assert.Equal((SkipReason.Merged, 1, 2), (skip.Reason, skip.Count, skip.FirstRows[0]));
        Assert.Equal(4, separate.Scenario!.Events.Count);
        Assert.Empty(separate.Summary.Skips);
    }

    [Fact]
    public void A_spreadsheet_merges_only_when_asked()
    {
        const string csv = "date,kind,actor_a,actor_b,source_url\n" +
            "2019-05-10,visit,lao-cai,yunnan,https://a.example/1\n" +
            "2019-05-10,visit,yunnan,lao-cai,https://b.example/2\n";

        var asIs = ScenarioImporter.Import(Csv("rows.csv", csv), Placed());
        var merged = ScenarioImporter.Import(Csv("rows.csv", csv), Placed(), new ImportOptions(Dedupe: DedupeMode.Day));

        Assert.Equal(2, asIs.Scenario!.Events.Count);
        var ev = Assert.Single(merged.Scenario!.Events);
        Assert.Equal(2, ev.Sources.Count);
        Assert.Equal("Imported from rows.csv, rows 2, 3: 2 rows of one day, dyad and kind, merged", ev.Note);
    }

    [Fact]
    public void An_icews_file_places_its_country_and_agency_actors_by_province()
    {
        const string header = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude";
        string Row(int id, string day, string source, string sourceCountry, string code, string target, string targetCountry, string story, string city, string province, string country) =>
            string.Join('\t', id, day, source, "Government", sourceCountry, "Text", code, "1.9", target, "NA", targetCountry, story, "1", "Example Wire", city, "NA", province, country, "0", "0");
        var file = Csv("events.2019.tab", string.Join("\n",
            header,
            Row(1, "2019-05-10", "Government (Vietnam)", "Vietnam", "042", "China", "China", "900", "Hekou", "Yunnan Sheng", "China"),
            Row(2, "2019-05-10", "Vietnam", "Vietnam", "042", "Government (China)", "China", "900", "NA", "Tinh Lao Cai", "Vietnam"),
            Row(3, "2019-05-11", "Foreign Affairs (Bangladesh)", "Bangladesh", "040", "Vietnam", "Vietnam", "901", "Hanoi", "Thanh Pho Ha Noi", "Vietnam"),
            Row(4, "2019-05-12", "China", "China", "190", "Vietnam", "Vietnam", "902", "NA", "NA", "China"),
            Row(5, "2019-05-13", "Vietnam", "Vietnam", "040", "China", "China", "903", "Beijing", "Beijing Shi", "China")) + "\n");

        var result = ScenarioImporter.Import(file, Placed(), new ImportOptions(SkipUnmappedActors: true, Dedupe: DedupeMode.None));

        Assert.Empty(result.Problems);
        Assert.Equal("an ICEWS event file", result.Summary.Format);
        Assert.Equal(
            [("icews-1", "vietnam", "hekou"), ("icews-2", "lao-cai", "china"), ("icews-5", "vietnam", "china")],
            result.Scenario!.Events.Select(e => (e.Id, e.SideA[0], e.SideB[0])));
        var story = result.Scenario.Sources.Single(s => s.Id == result.Scenario.Events[0].Source);
        Assert.Equal(("Example Wire, story 900", "Example Wire", new DateOnly(2019, 5, 10)), (story.Title, story.Publisher, story.Published));
        Assert.Equal(result.Scenario.Events[0].Source, result.Scenario.Events[1].Source);
        Assert.Contains("ICEWS event 1, CAMEO 042 (intensity 1.9): Government (Vietnam) → China; Example Wire, story 900 sentence 1", result.Scenario.Events[0].Note);
        Assert.Equal([(SkipReason.NoKind, 1), (SkipReason.UnmappedActor, 1)], result.Summary.Skips.Select(s => (s.Reason, s.Count)));
        Assert.Equal((5, 1), (result.Summary.Rows, result.Summary.HeaderRows));
    }

    [Fact]
    public void A_failed_import_still_lists_every_skip_reason_with_its_first_three_rows()
    {
        var lines = Enumerable.Range(1, 5).Select(i => Line(61, i, "20190510", "CHNGOV", "CHN", "CHN", "CHN", "042", None, None, None))
            .Append(Line(61, 9, "20190510", "VNM", "VNM", "USA", "USA", "042", None, None, None));
        var result = ScenarioImporter.Import(Csv("failing.export.CSV", string.Join("\n", lines) + "\n"), Placed());

        Assert.Null(result.Scenario);
        Assert.Equal(["failing.export.CSV:6:16: Actor2Code 'USA' is not mapped to an actor: add it to the 'code' column of the actors, or declare an actor with the id 'usa'"],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal(
        [
            "failing.export.CSV: 6 rows (a GDELT event file: GDELT 2.0): 0 events, 5 skipped, 1 with problems",
            "  5 skipped: both sides map to one actor (first rows 1, 2, 3); row 1: CHNGOV → CHN are both 'china'",
        ], result.Summary.Lines());
    }

    [Fact]
    public void A_file_with_nothing_left_says_why_in_one_sentence()
    {
        var file = Csv("nothing.export.CSV", Line(61, 1, "20190510", "USA", "USA", "RUS", "RUS", "190", None, None, None) + "\n");

        var result = ScenarioImporter.Import(file, Placed(), new ImportOptions(SkipUnmappedActors: true));

        Assert.Equal(["nothing.export.CSV:1:1: no event is left to import: all 1 rows were skipped (1: the event code maps to no kind of the model)"],
            result.Problems.Select(p => p.ToString()));
    }
}
