using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;
using Relations.Model.Yaml;

namespace Relations.Model.Tests.Scenarios;

/// <summary>Loading files: every problem in one pass, nothing half-loaded, includes merged, hostile files refused.</summary>
public sealed class ScenarioLoaderTests
{
    private const string FiveProblems = """
        id: t
        period: { from: 2020-01-01, to: 2020-12-31 }
        colour: red
        sources:
          - { id: s, title: T, publisher: P, published: 2020-13-01 }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: cn, kind: region, country: CN }
        events:
          - { date: 2020-03-01, kind: visit, between: [vn, cn], source: nope }
          - { date: 2020-03-02, kind: visit, between: [vn, cn], source: s, weight: heavy }
          - { date: 2020-03-03, count: 2, kind: visit, between: [vn, cn], source: s }
        """;

    [Fact]
    public void All_problems_of_a_file_come_in_one_pass_sorted_by_line()
    {
        var folder = new VirtualFolder().Add("five.yaml", FiveProblems);

        var (scenario, problems) = folder.Check("five.yaml");

        Assert.Null(scenario);
        Assert.Equal([3, 5, 10, 11, 12], problems.Select(p => p.At.Line));
        Assert.Contains("unknown field 'colour'", problems[0].Message);
        Assert.Contains("'published' '2020-13-01' is not a calendar date", problems[1].Message);
        Assert.Contains("source 'nope' is not declared", problems[2].Message);
        Assert.Contains("'weight' 'heavy' is not a number", problems[3].Message);
        Assert.Contains("'count' goes only with a date range", problems[4].Message);
    }

    [Fact]
    public void Load_throws_every_problem_and_returns_no_scenario()
    {
        var folder = new VirtualFolder().Add("five.yaml", FiveProblems);

        var thrown = Assert.Throws<ScenarioException>(() => folder.Load("five.yaml"));

        Assert.Equal(5, thrown.Problems.Count);
        Assert.Equal(string.Join(Environment.NewLine, thrown.Problems), thrown.Message);
    }

    [Fact]
    public void A_problem_prints_as_file_line_column_message()
    {
        var problem = new Problem(new SourcePosition("border.yaml", 12, 7), "actor 'xx' is not declared under 'actors'");

        Assert.Equal("border.yaml:12:7: actor 'xx' is not declared under 'actors'", problem.ToString());
    }

    [Fact]
    public void Text_is_checked_under_the_name_it_is_given()
    {
        var (_, problems) = new ScenarioLoader().CheckText("upload.yaml", "id: t\ncolour: red\n", Path.GetTempPath());

        Assert.Contains(problems, p => p.At == new SourcePosition("upload.yaml", 2, 1) && p.Message.Contains("unknown field 'colour'"));
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
    {
        var (scenario, problems) = new VirtualFolder().Check("absent.yaml");

        Assert.Null(scenario);
        Assert.Equal("the file does not exist", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_file_over_4_MiB_is_refused_without_being_read()
    {
        var folder = Directory.CreateTempSubdirectory("relations-tests-");
        try
        {
            var path = Path.Combine(folder.FullName, "huge.yaml");
            using (var file = File.Create(path))
                file.SetLength(YamlTreeLoader.MaxBytes + 1);
            var reads = 0;
            var bytesRead = 0;
            var loader = new ScenarioLoader(p => { reads++; var bytes = ScenarioFileReader.Read(p); bytesRead += bytes.Length; return bytes; });

            var (scenario, problems) = loader.Check(path);

            Assert.Null(scenario);
            var problem = Assert.Single(problems);
            Assert.Equal(new SourcePosition(path, 1, 1), problem.At);
            Assert.Contains("bytes a scenario may have", problem.Message);
            Assert.Equal(1, reads);
            Assert.Equal(0, bytesRead);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Bytes_over_4_MiB_served_by_a_reader_are_refused_before_parsing()
    {
        var loader = new ScenarioLoader(_ => new byte[YamlTreeLoader.MaxBytes + 1]);

        var problem = Assert.Single(loader.Check(Path.Combine(Path.GetTempPath(), "relations-absent", "big.yaml")).Problems);

        Assert.Equal((1, 1), (problem.At.Line, problem.At.Column));
        Assert.Contains("bytes a scenario may have", problem.Message);
    }

    [Fact]
    public void A_file_that_is_not_UTF_8_is_refused()
    {
        var loader = new ScenarioLoader(_ => [0x69, 0x64, 0x3A, 0x20, 0xC3, 0x28]);

        var problem = Assert.Single(loader.Check(Path.Combine(Path.GetTempPath(), "relations-absent", "latin1.yaml")).Problems);

        Assert.Equal("the file is not valid UTF-8 text", problem.Message);
    }

    [Fact]
    public void An_event_without_an_id_gets_e_and_its_position()
    {
        var scenario = TestScenario.Load("""
            events:
              - { date: 2020-01-01, kind: visit, between: [vn, la], source: s }
              - { id: named, date: 2020-01-02, kind: visit, between: [vn, la], source: s }
              - { date: 2020-01-03, kind: visit, between: [vn, la], source: s }
            """);

        Assert.Equal(["e1", "named", "e3"], scenario.Events.Select(e => e.Id));
    }

    [Fact]
    public void A_scenario_reads_every_documented_field()
    {
        var scenario = TestScenario.Load("""
            title: "A title"
            description: free text
            interruptions:
              - { id: covid, from: 2020-01-23, to: 2022-12-31, scope: { countries: [VN, CN] }, source: s, title: Closure }
            events:
              - id: mou
                date: { from: 2021-01-01, to: 2021-03-31 }
                count: 2
                kind: agreement
                between: [[vn-city, vn-town], [cn-county]]
                mode: online
                weight: 7.5
                term: { years: 2 }
                certainty: inferred
                source: s
                title: "MoU"
                note: a note
            """);

        var ev = Assert.Single(scenario.Events);
        Assert.Equal(("A title", "free text"), (scenario.Title, scenario.Description));
        Assert.Equal(EventDate.Range(new DateOnly(2021, 1, 1), new DateOnly(2021, 3, 31)), ev.Date);
        Assert.Equal((2, "agreement", EventMode.Online, 7.5, Certainty.Inferred), (ev.Count, ev.Kind, ev.Mode, ev.Weight, ev.Certainty));
        Assert.Equal(new Term(null, 2), ev.Term);
        Assert.Equal(["vn-city", "vn-town"], ev.SideA);
        Assert.Equal(["cn-county"], ev.SideB);
        Assert.Equal(["VN", "CN"], Assert.Single(scenario.Interruptions).Scope.Countries);
    }
}
