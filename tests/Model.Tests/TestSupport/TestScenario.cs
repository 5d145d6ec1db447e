using System.Globalization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// Small scenario files around a fixed cast of actors, loaded through the real loader, and the day-by-day
/// reading of R that the rule tests compare with hand-computed numbers.
/// </summary>
internal static class TestScenario
{
    /// <summary>
    /// Three countries' top-level units and a few children: vn-city and vn-town under vn, cn-county under cn,
    /// vn-village under vn-city and cn-village under cn-county. Top-level dyads (vn, cn, la) have no parent dyad.
    /// </summary>
    public const string Cast = """
        sources:
          - { id: s, title: Source, publisher: Publisher }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: cn, kind: region, country: CN }
          - { id: la, kind: province, country: LA }
          - { id: vn-city, kind: city, parent: vn }
          - { id: vn-town, kind: city, parent: vn }
          - { id: cn-county, kind: county, parent: cn }
          - { id: vn-village, kind: village, parent: vn-city }
          - { id: cn-village, kind: village, parent: cn-county }
        """;

    /// <summary>The text of a scenario with <see cref="Cast"/> and the given top-level sections.</summary>
    public static string Text(string sections, string from = "2020-01-01", string to = "2022-12-31") =>
        $"id: t\nperiod: {{ from: {from}, to: {to} }}\n{Cast}\n{sections}\n";

    /// <summary>Loads <see cref="Text"/> as a file; fails the test with the loader's problems if it has any.</summary>
    public static Scenario Load(string sections, string from = "2020-01-01", string to = "2022-12-31") =>
        LoadText(Text(sections, from, to));

    public static Scenario LoadText(string text)
    {
        var (scenario, problems) = new ScenarioLoader().CheckText("test.yaml", text, Path.GetTempPath());
        Assert.True(problems.Count == 0, "the test scenario should load:\n" + string.Join("\n", problems));
        return scenario!;
    }

    public static IReadOnlyList<Problem> Problems(string text) =>
        new ScenarioLoader().CheckText("test.yaml", text, Path.GetTempPath()).Problems;

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>R of dyad {a, b} on a day, read from a one-day series of the reference evaluator.</summary>
    public static double R(Scenario scenario, string a, string b, string day, int? seed = null)
    {
        var t = Day(day);
        var result = ReferenceEvaluator.Evaluate(scenario with { Period = new Period(t, t) }, SampleStep.Day, seed);
        var series = result.Dyads.SingleOrDefault(d => d.Dyad == new Dyad(a, b));
        Assert.True(series is not null, $"dyad {a}–{b} should be in the dyad set");
        return series.Scores[0];
    }

    /// <summary>Whether dyad {a, b} is in the scenario's dyad set (model.md rule 4).</summary>
    public static bool HasDyad(Scenario scenario, string a, string b) =>
        ScenarioTimeline.Build(scenario).Dyads.ContainsKey(new Dyad(a, b));
}
