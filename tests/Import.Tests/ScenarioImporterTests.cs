using static Relations.Import.Tests.TestData;

namespace Relations.Import.Tests;

/// <summary>The same events from a workbook and from GDELT files replay exactly as the hand-written YAML does.</summary>
public sealed class ScenarioImporterTests
{
    [Fact]
    public void A_workbook_imports_to_a_scenario_that_replays_like_the_hand_written_yaml()
    {
        var result = ScenarioImporter.Import(Workbook(EventRows()));

        Assert.Empty(result.Problems);
        AssertSameSeries(Load(HandWrittenYaml), result.Scenario!);
        Assert.Equal("events", result.Scenario!.Id);
        Assert.Equal(new(new(2019, 1, 1), new(2023, 12, 31)), result.Scenario.Period);
        Assert.Equal("Imported from events.xlsx[events], row 2", result.Scenario.Events[0].Note);
        Assert.Equal(["Lao Cai", "老街"], result.Scenario.ActorById("lao-cai").Names.Select(n => n.Value));
        Assert.Equal("Thành phố Lào Cai", result.Scenario.ActorById("lao-cai-city").Name);
    }

    [Theory]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(61)]
    public void A_gdelt_file_of_each_layout_replays_to_the_same_series_as_the_workbook(int columns)
    {
        var fromWorkbook = ScenarioImporter.Import(Workbook(EventRows()));
        var fromGdelt = ScenarioImporter.Import(Gdelt(columns), Actors());

        Assert.Empty(fromGdelt.Problems);
        AssertSameSeries(fromWorkbook.Scenario!, fromGdelt.Scenario!);
        AssertSameSeries(Load(HandWrittenYaml), fromGdelt.Scenario!);
        Assert.Equal(["visit", "host", "agreement", "consult", "cooperate"], fromGdelt.Scenario!.Events.Select(e => e.Kind));
        Assert.Equal("gdelt-500000", fromGdelt.Scenario.Events[0].Id);
    }

    [Fact]
    public void Repeated_source_addresses_become_one_source_each()
    {
        var result = ScenarioImporter.Import(Gdelt(61), Actors());

        var sources = result.Scenario!.Sources;
        Assert.Equal(4, sources.Count);
        Assert.Equal(sources.Select(s => s.Url).Distinct(), sources.Select(s => s.Url));
        Assert.Equal(result.Scenario.Events[0].Source, result.Scenario.Events[1].Source);
        Assert.Equal("baolaocai.vn", sources[0].Publisher);
    }

    [Fact]
    public void An_event_code_that_maps_to_no_kind_is_skipped_and_counted_unless_an_option_maps_it()
    {
        var skipped = ScenarioImporter.Import(Gdelt(61), Actors());
        var mapped = ScenarioImporter.Import(Gdelt(61), Actors(), new ImportOptions(Maps: [new("19", "reduce")]));

        var skip = Assert.Single(skipped.Summary.Skips);
        Assert.Equal((SkipReason.NoKind, 1), (skip.Reason, skip.Count));
        Assert.Equal([3], skip.FirstRows);
        Assert.Contains("--map 190=KIND", skip.Example);
        Assert.Equal(5, skipped.Scenario!.Events.Count);
        Assert.Contains("1 rows skipped: the event code maps to no kind", skipped.Scenario.Description);
        Assert.Empty(mapped.Summary.Skips);
        Assert.Equal("reduce", mapped.Scenario!.Events.Single(e => e.Id == "gdelt-600000").Kind);
    }

    [Fact]
    public void An_unmapped_actor_code_and_a_bad_date_are_reported_with_line_and_column()
    {
        var file = Gdelt(61,
            GdeltLine(61, 700_000, "20190510", "VNMGOV", "USAGOV", "042", "https://example.org/x", actor2Name: "UNITED STATES"),
            GdeltLine(61, 700_001, "20191340", "VNMGOV", "CHNGOV", "042", "https://example.org/y"));

        var result = ScenarioImporter.Import(file, Actors());

        Assert.Null(result.Scenario);
        Assert.Null(result.Yaml);
        Assert.Equal(
        [
            "gdelt-61.export.CSV:7:16: Actor2Code 'UNITED STATES (USAGOV)' is not mapped to an actor: add it to the 'code' column of the actors, or declare an actor with the id 'usagov'",
            "gdelt-61.export.CSV:8:2: '20191340' is not a date (YYYYMMDD or YYYY-MM-DD)",
        ], result.Problems.Select(p => p.ToString()));
        Assert.Equal((8, 5, 1, 2), (result.Summary.Rows, result.Summary.Events, result.Summary.Skipped, result.Summary.RowsWithProblems));
    }

    [Fact]
    public void Events_with_unmapped_actors_are_skipped_and_counted_when_asked()
    {
        var file = Gdelt(61, GdeltLine(61, 700_000, "20190510", "VNMGOV", "USAGOV", "042", "https://example.org/x"));

        var result = ScenarioImporter.Import(file, Actors(), new ImportOptions(SkipUnmappedActors: true));

        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Scenario!.Events.Count);
        Assert.Equal([(SkipReason.NoKind, 1), (SkipReason.UnmappedActor, 1)], result.Summary.Skips.Select(s => (s.Reason, s.Count)));
        Assert.Equal([7], result.Summary.Skips[1].FirstRows);
        Assert.StartsWith("Actor2Code 'USAGOV' is not mapped", result.Summary.Skips[1].Example);
    }

    [Fact]
    public void A_gdelt_actor_is_found_by_its_name_in_the_code_column()
    {
        var file = Gdelt(58, GdeltLine(58, 800_000, "20200202", "", "CHNGOV", "042", "https://example.org/z"));
        var withName = Csv(file.Name, Text(file).Replace("800000\t20200202\t\t\t\t\t", "800000\t20200202\t\t\t\t\tLAO CAI"));

        var result = ScenarioImporter.Import(withName, Actors());

        Assert.Empty(result.Problems);
        Assert.Equal(["lao-cai"], result.Scenario!.Events.Single(e => e.Id == "gdelt-800000").SideA);
    }

    [Fact]
    public void Ids_made_from_names_and_titles_keep_the_id_rule()
    {
        Assert.Equal("bao-lao-cai-phat-huy-truyen-thong-huu-nghi", Ids.Slug("Báo Lào Cai: Phát huy truyền thống hữu nghị!", "x"));
        Assert.Equal("duong-den-ha-khau", Ids.Slug("Đường đến Hà Khẩu", "x"));
        Assert.Equal("x", Ids.Slug("老街", "x"));
        var registry = new Ids.Registry();
        var long64 = new string('a', 64);
        Assert.Equal(long64, registry.Claim(long64));
        Assert.Equal(new string('a', 62) + "-2", registry.Claim(long64));
        Assert.True(Ids.IsValid(registry.Claim(long64)));
    }
}
