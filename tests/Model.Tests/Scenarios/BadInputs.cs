namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// A file set that breaks one rule of scenario-format.md, with the one problem the loader must report:
/// in which file, at which line and column, and a fragment of its message.
/// </summary>
public sealed record BadInput(string Name, string Entry, string ProblemFile, int Line, int Column, string Fragment, (string Name, string Text)[] Files);

/// <summary>The table of bad inputs. Line and column are counted by hand in the texts below (1-based).</summary>
internal static class BadInputs
{
    /// <summary>A valid scenario over 2020 (sources s; actors vn and cn) whose lines 8 onwards are <paramref name="tail"/>.</summary>
    internal static string Scenario(params string[] tail) => string.Join("\n",
    [
        "id: t",
        "period: { from: 2020-01-01, to: 2020-12-31 }",
        "sources:",
        "  - { id: s, title: T, publisher: P }",
        "actors:",
        "  - { id: vn, kind: province, country: VN }",
        "  - { id: cn, kind: region, country: CN }",
        .. tail,
    ]) + "\n";

    private const string GoodEvent = "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }";

    private static BadInput OneFile(string name, int line, int column, string fragment, string text) =>
        new(name, "main.yaml", "main.yaml", line, column, fragment, [("main.yaml", text)]);

    private static BadInput Event(string name, int column, string fragment, string eventLine) =>
        OneFile(name, 9, column, fragment, Scenario("events:", eventLine));

    private const string Base = """
        id: base
        period: { from: 2020-01-01, to: 2020-12-31 }
        sources:
          - { id: s, title: T, publisher: P }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: cn, kind: region, country: CN }
        interruptions:
          - { id: covid, from: 2020-02-01, to: 2020-04-30, scope: all }
        events:
          - { id: e, date: 2020-06-01, kind: visit, between: [vn, cn], source: s }
        """;

    private static BadInput Variant(string name, int line, int column, string fragment, string changes) =>
        new(name, "variant.yaml", "variant.yaml", line, column, fragment,
            [("base.yaml", Base), ("variant.yaml", "variant: v\nbase: base.yaml\nchanges:\n" + changes + "\n")]);

    public static readonly BadInput[] All =
    [
        Event("unknown field, with did-you-mean", 75, "unknown field 'wieght' in an event (did you mean 'weight'?)",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: s, wieght: 2 }"),
        OneFile("unknown actor kind, with did-you-mean", 8, 21, "the actor kind 'provence' is not one of: province, region",
            Scenario("  - { id: la, kind: provence, country: LA }", "events:", GoodEvent)),
        Event("bad id", 11, "the event id 'E_1' is not a valid id",
            "  - { id: E_1, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }"),
        Event("date that is not on the calendar", 20, "'date' '2023-02-30' is not a calendar date",
            "  - { id: e, date: 2023-02-30, kind: visit, between: [vn, cn], source: s }"),
        Event("date with a time", 20, "'date' '2023-03-01T10:00:00' must be a calendar day YYYY-MM-DD, without a time or time zone",
            "  - { id: e, date: 2023-03-01T10:00:00, kind: visit, between: [vn, cn], source: s }"),
        Event("missing required field", 5, "an event needs the field 'source'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn] }"),
        Event("unknown event kind", 38, "event kind 'vist' is not known",
            "  - { id: e, date: 2020-03-01, kind: vist, between: [vn, cn], source: s }"),
        Event("unknown actor in between", 54, "actor 'xx' is not declared under 'actors'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, xx], source: s }"),
        Event("self dyad in between", 54, "actor 'vn' is on both sides of 'between'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, vn], source: s }"),
        OneFile("self dyad in relationships", 9, 5, "actor 'vn' cannot be in a relationship with itself",
            Scenario("relationships:", "  - [vn, vn]")),
        Event("unknown source", 72, "source 'nope' is not declared under 'sources'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: nope }"),
        OneFile("parent cycle", 8, 35, "parents form a cycle: a1 → a2 → a1",
            Scenario("  - { id: a1, kind: city, parent: a2 }", "  - { id: a2, kind: city, parent: a1 }", "events:", GoodEvent)),
        Event("count without a date range", 39, "'count' goes only with a date range",
            "  - { id: e, date: 2020-03-01, count: 2, kind: visit, between: [vn, cn], source: s }"),
        Event("term on a visit", 51, "'term' belongs only to 'agreement' and 'twinning' events, not 'visit'",
            "  - { id: e, date: 2020-03-01, kind: visit, term: { years: 1 }, between: [vn, cn], source: s }"),
        Event("term.until on the event's date", 55, "'term.until' (2020-03-01) must be after the event's date (2020-03-01)",
            "  - { id: e, date: 2020-03-01, kind: agreement, term: { until: 2020-03-01 }, between: [vn, cn], source: s }"),
        Event("term.until on the last day of the event's range", 81,
            "'term.until' (2020-06-30) must be after the event's date (2020-06-30, the last day of its range)",
            "  - { id: e, date: { from: 2020-01-01, to: 2020-06-30 }, kind: agreement, term: { until: 2020-06-30 }, between: [vn, cn], source: s }"),
        OneFile("duplicate event id in one file", 10, 11, "event id 'e' is declared twice in this file (first at line 9)",
            Scenario("events:", GoodEvent, GoodEvent)),
        Event("duplicate key in a mapping", 32, "'id' appears twice in the same mapping",
            "  - { id: e, date: 2020-03-01, id: f, kind: visit, between: [vn, cn], source: s }"),
        new("include cycle", "a.yaml", "b.yaml", 2, 11, "include cycle: 'a.yaml' includes this file again",
        [
            ("a.yaml", "id: a\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [b.yaml]\n"),
            ("b.yaml", "id: b\ninclude: [a.yaml]\n"),
        ]),
        new("same id with different content across includes", "main.yaml", "main.yaml", 5, 11,
            "source 's' is declared again with different content",
        [
            ("shared.yaml", "id: shared\nsources:\n  - { id: s, title: T, publisher: P }\n"),
            ("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [shared.yaml]\nsources:\n  - { id: s, title: U, publisher: P }\n"),
        ]),
        OneFile("YAML syntax error", 2, 8, "YAML syntax:", "id: t\ntitle: \"unterminated\nperiod: { from: 2020-01-01, to: 2020-12-31 }\n"),
        OneFile("alias to no anchor", 2, 14, "the alias '*name' names no anchor defined before it",
            "id: t\ndescription: *name\nperiod: { from: 2020-01-01, to: 2020-12-31 }\n"),
        OneFile("nesting deeper than the limit", 2, 45, "the document nests deeper than 32 levels",
            "id: t\ndescription: " + new string('[', 40) + new string(']', 40) + "\n"),
        OneFile("empty file", 1, 1, "the file is empty", ""),
        OneFile("comments only", 1, 1, "the file is empty", "# nothing here yet\n"),
        OneFile("two documents", 2, 1, "a scenario file holds one YAML document", "id: t\n---\nid: u\n"),
        OneFile("no period where replayed", 1, 1, "scenario 't' has no 'period'", "id: t\n"),
        Variant("variant removing an id the base lacks", 4, 12,
            "cannot remove 'nope': the base 'base' has no event or interruption with that id", "  remove: [nope]"),
        Variant("variant moving an id the base lacks", 5, 13,
            "cannot move 'nope': the base 'base' has no event or interruption with that id",
            "  move:\n    - { id: nope, date: 2020-05-01 }"),
        Variant("variant moving an interruption with 'date'", 5, 7,
            "'covid' is an interruption: move it with 'from' and 'to', not 'date'",
            "  move:\n    - { id: covid, date: 2020-05-01 }"),
        Variant("variant moving an event with 'from'", 5, 7, "'e' is an event: move it with 'date', not 'from'/'to'",
            "  move:\n    - { id: e, from: 2020-05-01 }"),
        Variant("variant adding an id the base has", 6, 15, "event 'e' already exists in the base",
            "  add:\n    events:\n      - { id: e, date: 2020-07-01, kind: host, between: [vn, cn], source: s }"),
        Event("undeclared source in a source list (1.1)", 76, "source 'nope' is not declared under 'sources'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: [s, nope] }"),
        Event("empty source list (1.1)", 72, "'source' names at least one source",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: [] }"),
        Event("a source named twice in a list (1.1)", 76, "source 's' is named twice in 'source'",
            "  - { id: e, date: 2020-03-01, kind: visit, between: [vn, cn], source: [s, s] }"),
        OneFile("cancels above 1 (1.1)", 9, 57, "'cancels' is the share of in-person activity stopped: a number from 0 to 1, not 1.5",
            Scenario("interruptions:", "  - { id: c, from: 2020-02-01, to: 2020-03-01, cancels: 1.5 }")),
        OneFile("decayMultiplier below 1 (1.1)", 9, 65, "'decayMultiplier' must be at least 1",
            Scenario("interruptions:", "  - { id: c, from: 2020-02-01, to: 2020-03-01, decayMultiplier: 0.5 }")),
        OneFile("undeclared source of an interruption (1.1)", 9, 60, "source 'gone' is not declared under 'sources'",
            Scenario("interruptions:", "  - { id: c, from: 2020-02-01, to: 2020-03-01, source: [s, gone] }")),
        OneFile("unknown certainty of an interruption (1.1)", 9, 59, "'certainty' 'likely' is not one of: reported, inferred, assumed",
            Scenario("interruptions:", "  - { id: c, from: 2020-02-01, to: 2020-03-01, certainty: likely }")),
        OneFile("undeclared source of an actor (1.1)", 8, 52, "source 'nope' is not declared under 'sources'",
            Scenario("  - { id: la, kind: province, country: LA, source: nope }")),
        Variant("variant adding an interruption with a negative share (1.1)", 6, 62,
            "'cancels' is the share of in-person activity stopped: a number from 0 to 1, not -0.1",
            "  add:\n    interruptions:\n      - { id: c2, from: 2020-02-01, to: 2020-03-01, cancels: -0.1 }"),
        Variant("unknown change, with did-you-mean", 4, 3, "unknown field 'remvoe' in 'changes' (did you mean 'remove'?)",
            "  remvoe: [e]"),
    ];

    public static readonly IReadOnlyDictionary<string, BadInput> ByName = All.ToDictionary(b => b.Name);
}
