using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Scenarios;

/// <summary>The include rule of scenario-format.md: merged declarations, relative paths, what comes from the replayed file.</summary>
public sealed class IncludeTests
{
    private const string Regions = """
        id: regions
        sources:
          - { id: s, title: T, publisher: P }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: la, kind: province, country: LA }
        """;

    [Fact]
    public void The_same_declaration_in_two_included_files_is_merged_once()
    {
        var folder = new VirtualFolder()
            .Add("shared/one.yaml", Regions)
            .Add("shared/two.yaml", Regions.Replace("id: regions", "id: other"))
            .Add("main.yaml", """
                id: main
                period: { from: 2020-01-01, to: 2020-12-31 }
                include: [shared/one.yaml, shared/two.yaml]
                sources:
                  - { id: s, title: T, publisher: P }
                actors:
                  - { id: cn, kind: region, country: CN }
                relationships: [[vn, la]]
                """);

        var scenario = folder.Load("main.yaml");

        Assert.Single(scenario.Sources);
        Assert.Equal(["vn", "la", "cn"], scenario.Actors.Select(a => a.Id));
    }

    [Fact]
    public void An_identical_event_in_two_files_counts_once()
    {
        const string Event = "events:\n  - { id: visit, date: 2020-03-01, kind: visit, between: [vn, la], source: s }\n";
        var folder = new VirtualFolder()
            .Add("regions.yaml", Regions)
            .Add("one.yaml", "id: one\ninclude: [regions.yaml]\n" + Event)
            .Add("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [one.yaml]\n" + Event);

        var scenario = folder.Load("main.yaml");

        Assert.Single(scenario.Events);
        Assert.Equal(1.9, TestScenario.R(scenario, "vn", "la", "2020-03-01"));
    }

    [Fact]
    public void Include_paths_are_relative_to_the_including_file()
    {
        var folder = new VirtualFolder()
            .Add("shared/regions.yaml", Regions)
            .Add("shared/covid.yaml", """
                id: covid
                include: [regions.yaml]
                interruptions:
                  - { id: covid-19, from: 2020-01-23, to: 2022-12-31, scope: all, source: s }
                """)
            .Add("articles/main.yaml", """
                id: main
                period: { from: 2020-01-01, to: 2020-12-31 }
                include: [../shared/covid.yaml]
                relationships: [[vn, la]]
                """);

        var scenario = folder.Load("articles/main.yaml");

        Assert.Equal("covid-19", Assert.Single(scenario.Interruptions).Id);
        Assert.Equal(2, scenario.Actors.Count);
    }

    [Fact]
    public void A_problem_in_an_included_file_is_reported_in_that_file()
    {
        var folder = new VirtualFolder()
            .Add("shared.yaml", "id: shared\nactors:\n  - { id: vn, kind: provence, country: VN }\n")
            .Add("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [shared.yaml]\n");

        var problem = Assert.Single(folder.Check("main.yaml").Problems);

        Assert.Equal(new SourcePosition(folder.PathOf("shared.yaml"), 3, 21), problem.At);
    }

    [Fact]
    public void Unnamed_events_of_an_included_file_do_not_clash_with_the_includers()
    {
        // Neither file names its event, so neither declares an id twice; both default ids must stay unique in
        // the scenario ("id: optional; unique in the scenario; default e1, e2, ...").
        var folder = new VirtualFolder()
            .Add("regions.yaml", Regions)
            .Add("one.yaml", "id: one\ninclude: [regions.yaml]\nevents:\n  - { date: 2020-03-01, kind: visit, between: [vn, la], source: s }\n")
            .Add("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [one.yaml]\n"
                + "events:\n  - { date: 2020-04-01, kind: host, between: [vn, la], source: s }\n");

        var (scenario, problems) = folder.Check("main.yaml");

        Assert.Empty(problems);
        Assert.Equal(2, scenario!.Events.Select(e => e.Id).Distinct().Count());
        Assert.Equal(1.9 * Math.Pow(2, -31.0 / 540) + 2.8, ReferenceEvaluator.Evaluate(scenario, SampleStep.Month).Dyads[0].Scores[3]);
    }
}
