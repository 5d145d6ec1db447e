using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// A file that is valid but likely not what its writer meant, with the warnings <c>validate</c> must give
/// (interfaces.md, "validate warnings"): where, and a fragment of each message; none for what is meant.
/// </summary>
public sealed record WarningCase(string Name, (string Name, string Text)[] Files, (int Line, int Column, string Fragment)[] Expected);

/// <summary>The table of warnings. Lines and columns are counted by hand (1-based); line 8 is the first after the cast.</summary>
public sealed class WarningTests
{
    private static string Scenario(params string[] tail) => BadInputs.Scenario(tail);

    private static WarningCase One(string name, string text, params (int, int, string)[] expected) =>
        new(name, [("main.yaml", text)], expected);

    private static readonly WarningCase[] Table =
    [
        One("an agreement without term says when the default ends",
            Scenario("events:", "  - { id: mou, date: 2020-03-01, kind: agreement, between: [vn, cn], source: s }"),
            (9, 5, "agreement 'mou' has no 'term': the default of 3 years applies and its standing tie ends on 2023-03-01")),
        One("a model's own default term is the one named",
            Scenario("model: { agreementTermYears: 2 }", "events:", "  - { id: mou, date: 2020-02-29, kind: agreement, between: [vn, cn], source: s }"),
            (10, 5, "the default of 2 years applies and its standing tie ends on 2022-02-28")),
        One("a ranged agreement without term names its occurrences' first and last end",
            Scenario("events:", "  - { id: mou, date: { from: 2020-01-01, to: 2020-12-31 }, count: 2, kind: agreement, between: [vn, cn], source: s }"),
            (9, 5, "applies to each of its 2 occurrences, whose ties end from 2023-04-01 to 2023-09-30 in a replay without a seed")),
        One("an agreement with a term, a twinning without one and a visit give no warning",
            Scenario("events:",
                "  - { id: mou, date: 2020-03-01, kind: agreement, term: { years: 3 }, between: [vn, cn], source: s }",
                "  - { id: tw, date: 2020-03-01, kind: twinning, between: [vn, cn], source: s }",
                "  - { id: v, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }")),
        One("an event before the period",
            Scenario("events:", "  - { id: e, date: 2019-12-31, kind: visit, between: [vn, cn], source: s }"),
            (9, 20, "event 'e' is dated 2019-12-31, before the period 2020-01-01 – 2020-12-31")),
        One("an event after the period",
            Scenario("events:", "  - { id: e, date: 2021-01-01, kind: visit, between: [vn, cn], source: s }"),
            (9, 20, "event 'e' is dated 2021-01-01, after the period 2020-01-01 – 2020-12-31: no sample shows it")),
        One("a range partly outside the period",
            Scenario("events:", "  - { id: e, date: { from: 2020-06-01, to: 2021-06-30 }, count: 2, kind: visit, between: [vn, cn], source: s }"),
            (9, 20, "event 'e' ranges over 2020-06-01..2021-06-30, partly outside the period")),
        One("an actor nothing refers to",
            Scenario("  - { id: la, kind: province, country: LA }", "events:", "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }"),
            (8, 11, "actor 'la' is declared but no event, relationship, interruption scope or child actor refers to it")),
        One("actors referred to as a parent, in a relationship or in an interruption scope are used",
            Scenario(
                "  - { id: la, kind: province, country: LA }",
                "  - { id: la-town, kind: city, parent: la }",
                "  - { id: kh, kind: province, country: KH }",
                "relationships:",
                "  - [vn, la-town]",
                "interruptions:",
                "  - { id: c, from: 2020-02-01, to: 2020-02-10, scope: { actors: [kh, cn] } }")),
        new("an unused actor of an included file is not the includer's to answer for",
        [
            ("shared.yaml", "id: shared\nsources:\n  - { id: s, title: T, publisher: P }\nactors:\n  - { id: vn, kind: province, country: VN }\n  - { id: la, kind: province, country: LA }\n"),
            ("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [shared.yaml]\n"),
        ], []),
        new("a variant's added agreement without term is warned about in the variant",
        [
            ("base.yaml", Scenario("events:", "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }")),
            ("main.yaml", "variant: v\nbase: base.yaml\nchanges:\n  add:\n    events:\n      - { id: mou, date: 2020-05-01, kind: agreement, between: [vn, cn], source: s }\n"),
        ], [(6, 9, "agreement 'mou' has no 'term'")]),
    ];

    public static TheoryData<string> Names => [.. Table.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_case_gives_exactly_its_warnings_where_they_stand(string name)
    {
        var input = Table.Single(c => c.Name == name);
        var folder = new VirtualFolder();
        foreach (var (file, text) in input.Files)
            folder.Add(file, text);

        var check = folder.CheckWithWarnings("main.yaml");

        Assert.Empty(check.Problems);
        Assert.Equal(input.Expected.Length, check.Warnings.Count);
        foreach (var ((line, column, fragment), warning) in input.Expected.Zip(check.Warnings))
        {
            Assert.True(warning.IsWarning);
            Assert.Equal((folder.PathOf("main.yaml"), line, column), (warning.At.File, warning.At.Line, warning.At.Column));
            Assert.Contains(fragment, warning.Message);
            Assert.Equal($"{warning.At}: warning: {warning.Message}", warning.ToString());
        }
    }

    [Fact]
    public void A_file_that_breaks_a_rule_gets_its_problems_and_the_warnings_of_what_could_be_read()
    {
        var folder = new VirtualFolder().Add("main.yaml", Scenario(
            "  - { id: la, kind: province, country: LA }",
            "events:",
            "  - { id: e, date: 2020-03-01, kind: vist, between: [vn, cn], source: s }",
            "  - { id: mou, date: 2020-03-01, kind: agreement, between: [vn, cn], source: s }"));

        var check = folder.CheckWithWarnings("main.yaml");

        Assert.Contains("event kind 'vist' is not known", Assert.Single(check.Problems).Message);
        Assert.Null(check.Scenario);
        Assert.Equal([8, 11], check.Warnings.Select(w => w.At.Line));
    }

    [Fact]
    public void A_file_to_include_is_not_warned_about_its_unused_actors()
    {
        var folder = new VirtualFolder().Add("main.yaml", "id: shared\nactors:\n  - { id: la, kind: province, country: LA }\n");

        var check = folder.Loader().CheckWithWarnings(folder.PathOf("main.yaml"));

        Assert.Empty(check.Problems);
        Assert.Null(check.Scenario);
        Assert.Empty(check.Warnings);
    }
}
