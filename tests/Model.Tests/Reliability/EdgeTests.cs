using System.Text;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Reliability;

/// <summary>
/// The holes closed at validation (docs/reliability.md): numbers and dates outside their documented bounds, broken
/// YAML that the parser gives up on without a position, things that are not scenario files, hostile text in
/// messages; and cost in proportion to size.
/// </summary>
public sealed class EdgeTests
{
    private static string Scenario(string model = "", string period = "period: { from: 2020-01-01, to: 2021-12-31 }", string ev = "") => string.Join("\n",
    [
        "id: t",
        period,
        model,
        "sources:",
        "  - { id: s, title: T }",
        "actors:",
        "  - { id: vn, kind: province, country: VN }",
        "  - { id: cn, kind: region, country: CN }",
        "events:",
        ev.Length > 0 ? ev : "  - { date: 2020-03-01, kind: agreement, between: [vn, cn], source: s }",
    ]) + "\n";

    private static IReadOnlyList<Problem> Problems(string text, bool requirePeriod = true) =>
        new VirtualFolder().Add("main.yaml", text).Check("main.yaml", requirePeriod).Problems;

    [Theory]
    [InlineData("model: { halfLifeDays: 1e-4 }", 3, 24, "'model.halfLifeDays' must be from 1 to")]
    [InlineData("model: { kappa: 1e308 }", 3, 17, "'model.kappa' must be from")]
    [InlineData("model: { spillUp: 1e300 }", 3, 19, "'model.spillUp' must be from 0 to 10")]
    [InlineData("model: { agreementStanding: -1e308 }", 3, 29, "must be from -1000 to 1000")]
    [InlineData("model: { agreementTermYears: 100000 }", 3, 30, "must be a whole number from 1 to 100")]
    [InlineData("model: { weights: { visit: 1e308 } }", 3, 28, "the weight of 'visit' must be from -100 to 100")]
    [InlineData("period: { from: 0001-01-01, to: 2020-01-01 }", 2, 17, "outside the calendar a scenario may use, 1900-01-01 to 2199-12-31")]
    [InlineData("period:", 2, 8, "'period' is empty")]
    public void Numbers_and_dates_outside_their_bounds_are_refused_with_a_position(string line, int row, int column, string fragment)
    {
        var text = line.StartsWith("period", StringComparison.Ordinal) ? Scenario(period: line) : Scenario(model: line);
        var problem = Assert.Single(Problems(text));
        Assert.Equal((row, column), (problem.At.Line, problem.At.Column));
        Assert.Contains(fragment, problem.Message);
    }

    [Theory]
    [InlineData("  - { date: 9998-03-01, kind: agreement, between: [vn, cn], source: s }", "outside the calendar")]
    [InlineData("  - { date: 2020-03-01, kind: agreement, between: [vn, cn], source: s, term: { years: 100000 } }", "'term.years' must be at most 100")]
    [InlineData("  - { date: { from: 2020-01-01, to: 2020-12-31 }, count: 2000000000, kind: visit, between: [vn, cn], source: s }", "'count' must be at most 100,000")]
    [InlineData("  - { date: 2020-03-01, kind: visit, weight: 1e308, between: [vn, cn], source: s }", "'weight' must be from -100 to 100")]
    public void Event_fields_outside_their_bounds_are_refused(string ev, string fragment)
    {
        var problem = Assert.Single(Problems(Scenario(ev: ev)));
        Assert.Equal(10, problem.At.Line);
        Assert.Contains(fragment, problem.Message);
    }

    [Theory]
    [InlineData("id: x\ntitle: [unclosed\nperiod: 1\n", 2, "YAML syntax")]
    [InlineData("...\nid: x\n", 1, "YAML syntax")]
    public void Yaml_the_parser_gives_up_on_is_reported_with_a_position(string text, int line, string fragment)
    {
        var problem = Assert.Single(Problems(text));
        Assert.Equal(line, problem.At.Line);
        Assert.Contains(fragment, problem.Message);
    }

    [Theory]
    [InlineData("/dev/urandom", "not a regular file")]
    [InlineData("/etc", "this is a folder")]
    public void Only_regular_files_are_read(string path, string fragment)
    {
        if (!OperatingSystem.IsLinux())
            return;
        var problem = Assert.Single(new ScenarioLoader().Check(path).Problems);
        Assert.Contains(fragment, problem.Message);
    }

    [Fact]
    public void A_nul_in_a_path_is_a_problem_not_a_crash()
    {
        Assert.Contains("control character", Assert.Single(new ScenarioLoader().Check("a\0b.yaml").Problems).Message);
        var problem = Assert.Single(Problems("id: x\ninclude: [\"a\\0b.yaml\"]\n", requirePeriod: false));
        Assert.Equal((2, 11), (problem.At.Line, problem.At.Column));
    }

    [Fact]
    public void Echoed_values_are_escaped_and_shortened()
    {
        var problem = Assert.Single(Problems($"id: \"evil\\n\\u001b[31m{new string('x', 100_000)}\"\n", requirePeriod: false));
        Assert.DoesNotContain(problem.ToString(), char.IsControl);
        Assert.Contains("\\n\\u001B[31m", problem.Message);
        Assert.True(problem.Message.Length <= ProblemText.MaxLength + 1, $"{problem.Message.Length} characters");
    }

    [Fact]
    public void A_period_without_a_monthly_sample_is_named_before_a_replay()
    {
        Assert.Null(SampleCoverage.Problem(new Period(new(2020, 3, 1), new(2020, 3, 1)), SampleStep.Month));
        Assert.Contains("holds no month sample", SampleCoverage.Problem(new Period(new(2020, 3, 15), new(2020, 3, 15)), SampleStep.Month));
        Assert.Null(SampleCoverage.Problem(new Period(new(2020, 3, 15), new(2020, 3, 15)), SampleStep.Day));
    }

    [Fact]
    public void A_one_mebibyte_pathological_file_is_validated_and_replayed_in_seconds()
    {
        // An 8,000-actor parent chain, 30,000 added kinds, 5,000-word titles: once cubic, quadratic and minutes long.
        var text = new StringBuilder("id: big\ntitle: \"").AppendJoin(' ', Enumerable.Repeat("word", 5000)).Append("\"\n")
            .Append("period: { from: 2020-01-01, to: 2021-12-31 }\nmodel:\n  weights:\n");
        for (var i = 0; i < 30_000; i++)
            text.Append("    k").Append(i).Append(": 1.5\n");
        text.Append("sources:\n  - { id: s, title: S }\nactors:\n  - { id: a0, kind: city, country: VN }\n  - { id: cn, kind: city, country: CN }\n");
        for (var i = 1; i < 8_000; i++)
            text.Append("  - { id: a").Append(i).Append(", kind: city, parent: a").Append(i - 1).Append(" }\n");
        text.Append("events:\n  - { date: 2020-05-01, kind: k29999, between: [a7999, cn], source: s, title: \"")
            .AppendJoin(' ', Enumerable.Repeat("word", 5000)).Append("\" }\n");
        Assert.InRange(text.Length, 700_000, 1_100_000);

        // Processor time of this thread, not wall time: about 1 s here, it took 30 s of wall time when the suite ran on a
        // machine at load 50; a cubic or quadratic step costs minutes of processor time however idle the machine.
        Scenario scenario = null!;
        SeriesResult series = null!;
        var used = ThreadClock.Time(() =>
        {
            scenario = new VirtualFolder().Add("big.yaml", text.ToString()).Load("big.yaml");
            series = ReferenceEvaluator.Evaluate(scenario);
        });

        Assert.Equal(8_001, scenario.Actors.Count);
        Assert.All(series.Dyads.SelectMany(d => d.Strengths), s => Assert.True(double.IsFinite(s)));
        Assert.True(used < TimeSpan.FromSeconds(10), $"took {used.TotalSeconds:0.0} s of processor time");
    }

    [Fact]
    public void A_long_parent_cycle_is_reported_once_from_its_first_member()
    {
        var text = new StringBuilder("id: c\nsources:\n  - { id: s, title: S }\nactors:\n  - { id: x, kind: city, parent: a3 }\n");
        for (var i = 0; i < 4; i++)
            text.Append("  - { id: a").Append(i).Append(", kind: city, parent: a").Append((i + 3) % 4).Append(" }\n");
        var problem = Assert.Single(new VirtualFolder().Add("c.yaml", text.ToString()).Check("c.yaml", requirePeriod: false).Problems);
        Assert.Equal("parents form a cycle: a0 → a3 → a2 → a1 → a0", problem.Message);
        Assert.Equal(6, problem.At.Line);
    }

    [Fact]
    public void A_cancelled_check_stops_with_cancellation_not_an_internal_error()
    {
        using var budget = new CancellationTokenSource();
        budget.Cancel();
        var loader = new ScenarioLoader(cancellation: budget.Token);
        Assert.Throws<OperationCanceledException>(() => loader.CheckText("t.yaml", Scenario(), Path.GetTempPath()));
        // The same text checks fine without a budget.
        Assert.Empty(new ScenarioLoader().CheckText("t.yaml", Scenario(), Path.GetTempPath()).Problems);
    }
}
