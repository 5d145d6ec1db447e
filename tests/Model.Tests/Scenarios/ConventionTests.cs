using Relations.Model.Output;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// Format 1.2: a convention is stated once under <c>conventions:</c> and entries name it under <c>convention:</c>, so
/// <c>relations sources</c> lists it once and every entry says which it follows.
/// </summary>
public sealed class ConventionTests
{
    private const string Conventions = """
        id: conventions
        conventions:
          - id: existing-tie
            title: "Existing relationships"
            text: "A relationship an article calls existing holds a standing tie from the period's first day."
          - { id: regular, title: "Regular exchanges", text: "One a year." }
        """;

    private const string Main = """
        id: main
        period: { from: 2020-01-01, to: 2020-12-31 }
        include: [shared/conventions.yaml]
        sources:
          - { id: s, title: T, publisher: P }
        actors:
          - { id: vn, kind: province, country: VN, convention: existing-tie }
          - { id: la, kind: province, country: LA }
        interruptions:
          - { id: c, from: 2020-02-01, to: 2020-02-10, scope: all, certainty: assumed, convention: [regular] }
        events:
          - { id: tie, date: 2020-01-01, kind: twinning, weight: 0, between: [vn, la], certainty: assumed, source: s, convention: existing-tie }
          - { id: visits, date: { from: 2020-03-01, to: 2020-12-31 }, count: 2, kind: visit, between: [vn, la], source: s, convention: [existing-tie, regular] }
          - { id: plain, date: 2020-05-01, kind: visit, between: [vn, la], source: s }
        """;

    private static VirtualFolder Folder(string main = Main) =>
        new VirtualFolder().Add("shared/conventions.yaml", Conventions).Add("main.yaml", main);

    [Fact]
    public void Conventions_are_read_and_entries_name_them_by_one_id_or_a_list()
    {
        var scenario = Folder().Load("main.yaml");

        Assert.Equal(["existing-tie", "regular"], scenario.Conventions.Select(c => c.Id));
        Assert.Equal("One a year.", scenario.Conventions[1].Text);
        Assert.Equal(["existing-tie"], scenario.ActorById("vn").Conventions);
        Assert.Empty(scenario.ActorById("la").Conventions);
        Assert.Equal(["regular"], scenario.Interruptions.Single().Conventions);
        Assert.Equal(["existing-tie", "regular"], scenario.Events.Single(e => e.Id == "visits").Conventions);
        Assert.Empty(scenario.Events.Single(e => e.Id == "plain").Conventions);
    }

    [Fact]
    public void A_convention_stated_identically_in_two_included_files_counts_once_and_differently_is_an_error()
    {
        var twice = Folder(Main.Replace("include: [shared/conventions.yaml]", "include: [shared/conventions.yaml, shared/again.yaml]"))
            .Add("shared/again.yaml", Conventions.Replace("id: conventions", "id: again"));
        Assert.Equal(2, twice.Load("main.yaml").Conventions.Count);

        var clash = Folder(Main.Replace("include: [shared/conventions.yaml]", "include: [shared/conventions.yaml, shared/again.yaml]"))
            .Add("shared/again.yaml", Conventions.Replace("id: conventions", "id: again").Replace("One a year.", "Two a year."));
        var problem = Assert.Single(clash.Check("main.yaml").Problems);
        Assert.Contains("convention 'regular' is declared again with different content", problem.Message);
    }

    [Fact]
    public void An_undeclared_convention_is_reported_where_it_is_named()
    {
        var folder = Folder(Main.Replace("convention: [existing-tie, regular] }", "convention: [existing-tie, reguler] }"));

        var problem = Assert.Single(folder.Check("main.yaml").Problems);

        Assert.Equal("convention 'reguler' is not declared under 'conventions'", problem.Message);
        Assert.Equal((13, 143), (problem.At.Line, problem.At.Column));
    }

    [Theory]
    [InlineData("convention: \"Not an id\"", "'convention'")]
    [InlineData("convention: []", "'convention' names at least one convention")]
    [InlineData("convention: [regular, regular]", "convention 'regular' is named twice in 'convention'")]
    [InlineData("convention: { id: regular }", "'convention' is one convention id or a list of them")]
    public void A_malformed_convention_field_is_a_problem(string field, string message)
    {
        var problems = Problems(Text($$"""
            conventions:
              - { id: regular, title: R, text: T }
            events:
              - { date: 2020-05-01, kind: visit, between: [vn, la], source: s, {{field}} }
            """));

        Assert.Contains(problems, p => p.Message.Contains(message));
    }

    [Fact]
    public void A_convention_needs_an_id_a_title_and_a_text()
    {
        var problems = Problems(Text("""
            conventions:
              - { id: regular, title: R }
            """));

        Assert.Contains(problems, p => p.Message.Contains("'text'"));
    }

    [Fact]
    public void A_variant_adds_events_that_follow_the_base_conventions()
    {
        var folder = Folder().Add("what-if.yaml", """
            variant: more
            base: main.yaml
            changes:
              add:
                events:
                  - { id: more, date: 2020-06-01, kind: visit, between: [vn, la], source: s, certainty: assumed, convention: regular }
                  - { id: wrong, date: 2020-06-02, kind: visit, between: [vn, la], source: s, convention: missing }
            """);

        var problem = Assert.Single(folder.Check("what-if.yaml").Problems);

        Assert.Equal("convention 'missing' is not declared under 'conventions'", problem.Message);
    }

    [Fact]
    public void The_sources_page_states_each_convention_once_and_each_row_names_the_ones_it_follows()
    {
        var scenario = Folder().Load("main.yaml");
        var rows = ProvenanceTable.Rows(scenario);
        using var markdown = new StringWriter();
        using var csv = new StringWriter();

        SourcesReport.WriteMarkdown(scenario, rows, markdown);
        SourcesReport.WriteCsv(rows, csv);

        var page = markdown.ToString();
        Assert.Contains("## Conventions", page);
        Assert.Single(page.Split('\n'), line => line.Contains("A relationship an article calls existing holds a standing tie"));
        Assert.Contains("| `existing-tie` | Existing relationships | A relationship an article calls existing holds a standing tie from the period's first day. | 3 entries |", page);
        Assert.Contains("| `regular` | Regular exchanges | One a year. | 2 entries |", page);
        Assert.Equal(["existing-tie", "regular"], rows.Single(r => r.Id == "visits").Conventions);
        var lines = csv.ToString().Split('\n');
        Assert.EndsWith(",conventions", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, line => line.StartsWith("event,visits,") && line.TrimEnd('\r').EndsWith(",existing-tie; regular"));
    }

    [Fact]
    public void A_scenario_without_conventions_writes_no_conventions_part()
    {
        var scenario = Load("""
            events:
              - { date: 2020-05-01, kind: visit, between: [vn, la], source: s }
            """);
        using var markdown = new StringWriter();

        SourcesReport.WriteMarkdown(scenario, ProvenanceTable.Rows(scenario), markdown);

        Assert.DoesNotContain("## Conventions", markdown.ToString());
    }
}
