using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary><c>relations import</c> end to end: the written scenario replays like the hand-written YAML; bad rows write nothing.</summary>
public sealed class ImportCommandTests
{
    private const string Actors =
        "id,kind,country,parent,name,name_en,name_zh\n" +
        "lao-cai,province,VN,,Lào Cai,Lao Cai,老街\n" +
        "yunnan,province,CN,,Vân Nam,Yunnan,云南\n" +
        "lao-cai-city,city,,lao-cai,Thành phố Lào Cai,,\n" +
        "hekou,county,,yunnan,Huyện Hà Khẩu,,\n";

    private const string Header = "date,from,to,count,kind,actor_a,actor_b,mode,source,title\n";

    [Fact]
    public async Task An_imported_csv_replays_to_the_series_of_the_hand_written_yaml()
    {
        var folder = TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "actors.csv"), Actors);
        await File.WriteAllTextAsync(Path.Combine(folder, "events.csv"), Header +
            "2019-05-10,,,,visit,lao-cai-city,hekou,,Báo Lào Cai,Thăm Hà Khẩu\n" +
            ",2014-01-01,2018-12-31,6,host,hekou,lao-cai-city,,Báo Lào Cai,\n" +
            "2021-03-21,,,,agreement,lao-cai,yunnan,online,Bản ghi nhớ,MoU\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "hand.yaml"), """
            id: hand
            title: By hand
            period: { from: 2014-01-01, to: 2021-12-31 }
            sources: [{ id: s, title: "Báo Lào Cai" }]
            actors:
              - { id: lao-cai, kind: province, country: VN }
              - { id: yunnan, kind: province, country: CN }
              - { id: lao-cai-city, kind: city, parent: lao-cai }
              - { id: hekou, kind: county, parent: yunnan }
            events:
              - { date: 2019-05-10, kind: visit, between: [lao-cai-city, hekou], source: s }
              - { date: { from: 2014-01-01, to: 2018-12-31 }, count: 6, kind: host, between: [hekou, lao-cai-city], source: s }
              - { date: 2021-03-21, kind: agreement, between: [lao-cai, yunnan], mode: online, source: s }
            """);
        var scenario = Path.Combine(folder, "imported", "office.yaml");

        var import = await Run("import", Path.Combine(folder, "events.csv"), "--actors", Path.Combine(folder, "actors.csv"), "--out", scenario, "--id", "office");
        var imported = await Run("replay", scenario, "--out", Path.Combine(folder, "a"), "--engine", "reference");
        var hand = await Run("replay", Path.Combine(folder, "hand.yaml"), "--out", Path.Combine(folder, "b"), "--engine", "reference");

        Assert.Equal((0, ""), (import.ExitCode, import.Error));
        Assert.Equal(
        [
            $"{scenario}: 'office', 4 actors, 2 sources, 3 events, 2014-01-01..2021-12-31",
            $"{Path.Combine(folder, "events.csv")}: 3 rows (a CSV file): 3 events, 0 skipped",
        ], import.OutLines);
        Assert.Equal((0, 0), (imported.ExitCode, hand.ExitCode));
        var importedRows = ReplayCommandTests.ReadSeries(Path.Combine(folder, "a", "series.csv"));
        Assert.Equal(ReplayCommandTests.ReadSeries(Path.Combine(folder, "b", "series.csv")), importedRows);
        Assert.Contains(importedRows.Values, v => v.Strength > 0);
    }

    [Fact]
    public async Task A_file_with_three_bad_rows_exits_2_lists_all_three_and_writes_nothing()
    {
        var folder = TempFolder();
        var events = Path.Combine(folder, "events.csv");
        await File.WriteAllTextAsync(Path.Combine(folder, "actors.csv"), Actors);
        await File.WriteAllTextAsync(events, Header +
            "2019-05-10,,,,visit,lao-cai-city,hekou,,,\n" +
            "10/05/2019,,,,visit,lao-cai-city,hekou,,,\n" +
            "2019-05-10,,,,visit,lao-cai-city,hanoi,,,\n" +
            "2019-05-10,,,,visit,lao-cai-city,hekou,by phone,,\n");
        var scenario = Path.Combine(folder, "out", "office.yaml");

        var outcome = await Run("import", events, "--actors", Path.Combine(folder, "actors.csv"), "--out", scenario);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
        [
            $"{events}:3:1: 'date': '10/05/2019' is not a date: write it as YYYY-MM-DD",
            $"{events}:4:7: 'actor_b': actor 'hanoi' is not declared in the actors",
            $"{events}:5:8: 'mode': 'by phone' is neither in-person nor online",
            $"{events}: 4 rows (a CSV file): 1 event, 0 skipped, 3 with problems",
        ], outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("", outcome.Out);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }
}
