using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Scenarios;

/// <summary>A variant's result is exactly that of the scenario file its changes describe.</summary>
public sealed class VariantTests
{
    private const string Declarations = """
        sources:
          - { id: s, title: T, publisher: P }
        actors:
          - { id: vn, kind: province, country: VN }
          - { id: cn, kind: region, country: CN }
          - { id: vn-city, kind: city, parent: vn }
          - { id: cn-county, kind: county, parent: cn }
        """;

    private const string Period = "period: { from: 2019-01-01, to: 2024-12-31 }";

    private static readonly string Base = $$"""
        id: base
        {{Period}}
        model: { halfLifeDays: 400, weights: { festival: 2.5 } }
        {{Declarations}}
        interruptions:
          - { id: covid, from: 2020-01-23, to: 2023-01-07, scope: { countries: [CN] } }
          - { id: flood, from: 2019-08-01, to: 2019-08-31, scope: { actors: [vn-city] } }
        events:
          - { id: visit-2019, date: 2019-05-01, kind: visit, between: [vn-city, cn-county], source: s }
          - { id: mou, date: 2019-06-01, kind: agreement, between: [vn, cn], source: s }
          - { id: festival-2021, date: 2021-03-01, kind: festival, between: [vn-city, cn-county], source: s }
          - { id: talks, date: { from: 2023-01-01, to: 2023-12-31 }, count: 3, kind: consult, between: [vn, cn], source: s }
          - { id: aid-2024, date: 2024-02-01, kind: aid, mode: online, between: [vn-city, cn-county], source: s }
        """;

    private const string V1 = """
        variant: v1
        title: "What if the border had reopened in mid-2021?"
        base: base.yaml
        changes:
          remove: [aid-2024, flood]
          move:
            - { id: covid, to: 2021-06-30 }
            - { id: talks, date: { from: 2022-01-01, to: 2022-12-31 } }
          add:
            events:
              - { id: reopening, date: 2021-09-01, kind: host, between: [vn-city, cn-county], source: s }
              - { id: summer, date: 2022-07-20, kind: visit, between: [vn-city, cn-county], source: [s], certainty: assumed }
            interruptions:
              - { id: storm, from: 2022-07-01, to: 2022-07-31, scope: all, cancels: 0.5, decayMultiplier: 3, certainty: inferred, source: [s] }
          model: { kappa: 20, weights: { visit: 3.0 } }
        """;

    private static readonly string V1ByHand = $$"""
        id: v1-by-hand
        {{Period}}
        model: { halfLifeDays: 400, kappa: 20, weights: { festival: 2.5, visit: 3.0 } }
        {{Declarations}}
        interruptions:
          - { id: covid, from: 2020-01-23, to: 2021-06-30, scope: { countries: [CN] } }
          - { id: storm, from: 2022-07-01, to: 2022-07-31, scope: all, cancels: 0.5, decayMultiplier: 3, certainty: inferred, source: [s] }
        events:
          - { id: visit-2019, date: 2019-05-01, kind: visit, between: [vn-city, cn-county], source: s }
          - { id: mou, date: 2019-06-01, kind: agreement, between: [vn, cn], source: s }
          - { id: festival-2021, date: 2021-03-01, kind: festival, between: [vn-city, cn-county], source: s }
          - { id: talks, date: { from: 2022-01-01, to: 2022-12-31 }, count: 3, kind: consult, between: [vn, cn], source: s }
          - { id: reopening, date: 2021-09-01, kind: host, between: [vn-city, cn-county], source: s }
          - { id: summer, date: 2022-07-20, kind: visit, between: [vn-city, cn-county], source: [s], certainty: assumed }
        """;

    private const string V2 = """
        variant: v2
        base: v1.yaml
        changes:
          remove: [festival-2021]
          move:
            - { id: storm, from: 2022-07-10 }
          add:
            events:
              - { id: twin, date: 2022-01-15, kind: twinning, between: [vn, cn], source: s }
          model: { halfLifeDays: 300 }
        """;

    private static readonly string V2ByHand = $$"""
        id: v2-by-hand
        {{Period}}
        model: { halfLifeDays: 300, kappa: 20, weights: { festival: 2.5, visit: 3.0 } }
        {{Declarations}}
        interruptions:
          - { id: covid, from: 2020-01-23, to: 2021-06-30, scope: { countries: [CN] } }
          - { id: storm, from: 2022-07-10, to: 2022-07-31, scope: all, cancels: 0.5, decayMultiplier: 3, certainty: inferred, source: [s] }
        events:
          - { id: visit-2019, date: 2019-05-01, kind: visit, between: [vn-city, cn-county], source: s }
          - { id: mou, date: 2019-06-01, kind: agreement, between: [vn, cn], source: s }
          - { id: talks, date: { from: 2022-01-01, to: 2022-12-31 }, count: 3, kind: consult, between: [vn, cn], source: s }
          - { id: reopening, date: 2021-09-01, kind: host, between: [vn-city, cn-county], source: s }
          - { id: summer, date: 2022-07-20, kind: visit, between: [vn-city, cn-county], source: [s], certainty: assumed }
          - { id: twin, date: 2022-01-15, kind: twinning, between: [vn, cn], source: s }
        """;

    private static VirtualFolder Files() => new VirtualFolder()
        .Add("base.yaml", Base).Add("v1.yaml", V1).Add("v1-by-hand.yaml", V1ByHand)
        .Add("what-if/v2.yaml", V2.Replace("base: v1.yaml", "base: ../v1.yaml")).Add("v2-by-hand.yaml", V2ByHand);

    [Theory]
    [InlineData("v1.yaml", "v1-by-hand.yaml")]
    [InlineData("what-if/v2.yaml", "v2-by-hand.yaml")]
    public void A_variant_gives_exactly_the_series_of_the_file_its_changes_describe(string variant, string byHand)
    {
        var files = Files();
        var fromVariant = files.Load(variant);
        var fromFile = files.Load(byHand);

        SeriesAssert.Same(ReferenceEvaluator.Evaluate(fromFile, SampleStep.Day), ReferenceEvaluator.Evaluate(fromVariant, SampleStep.Day));
        SeriesAssert.Same(ReferenceEvaluator.Evaluate(fromFile, SampleStep.Month, seed: 11), ReferenceEvaluator.Evaluate(fromVariant, SampleStep.Month, seed: 11));
    }

    [Theory]
    [InlineData("v1.yaml", "v1-by-hand.yaml")]
    [InlineData("what-if/v2.yaml", "v2-by-hand.yaml")]
    public void A_variant_holds_the_model_events_and_interruptions_of_the_file_its_changes_describe(string variant, string byHand)
    {
        var files = Files();
        var fromVariant = files.Load(variant);
        var fromFile = files.Load(byHand);

        Assert.Equal(fromFile.Model, fromVariant.Model);
        Assert.Equal(fromFile.Events, fromVariant.Events);
        Assert.Equal(fromFile.Interruptions, fromVariant.Interruptions);
    }

    [Fact]
    public void A_variant_keeps_its_own_identity_and_names_its_base()
    {
        var files = Files();

        var v1 = files.Load("v1.yaml");
        var v2 = files.Load("what-if/v2.yaml");

        Assert.Equal(("v1", "What if the border had reopened in mid-2021?", "base"), (v1.Id, v1.Title, v1.BaseId));
        Assert.Equal(("v2", "v2", "v1"), (v2.Id, v2.Title, v2.BaseId));
    }

    [Fact]
    public void Remove_comes_before_add_so_an_id_can_be_replaced()
    {
        var files = Files().Add("replace.yaml", """
            variant: replace
            base: base.yaml
            changes:
              remove: [mou]
              add:
                events:
                  - { id: mou, date: 2019-06-01, kind: agreement, term: { years: 1 }, between: [vn, cn], source: s }
            """);

        var mou = Assert.Single(files.Load("replace.yaml").Events, e => e.Id == "mou");

        Assert.Equal(new Term(null, 1), mou.Term);
    }

    [Fact]
    public void Remove_comes_before_move_so_a_removed_id_cannot_be_moved()
    {
        var files = Files().Add("both.yaml", """
            variant: both
            base: base.yaml
            changes:
              remove: [mou]
              move:
                - { id: mou, date: 2019-07-01 }
            """);

        var problem = Assert.Single(files.Check("both.yaml").Problems);

        Assert.Equal((6, 13), (problem.At.Line, problem.At.Column));
        Assert.Contains("cannot move 'mou'", problem.Message);
    }

    [Fact]
    public void Move_comes_before_add_so_an_added_interruption_cannot_be_moved()
    {
        var files = Files().Add("late.yaml", """
            variant: late
            base: base.yaml
            changes:
              move:
                - { id: storm, to: 2022-08-31 }
              add:
                interruptions:
                  - { id: storm, from: 2022-07-01, to: 2022-07-31, scope: all }
            """);

        Assert.Contains("cannot move 'storm'", Assert.Single(files.Check("late.yaml").Problems).Message);
    }

    [Fact]
    public void A_moved_interruption_cancels_by_its_new_dates()
    {
        // In the base the festival (2021-03-01) falls inside covid; moving covid's end to 2021-02-28 lets it count.
        var files = Files().Add("early.yaml", """
            variant: early
            base: base.yaml
            changes:
              move:
                - { id: covid, to: 2021-02-28 }
            """);

        var dyad = new Dyad("vn-city", "cn-county");
        var day = new DateOnly(2021, 3, 1);
        var inBase = Explanation.Of(ScenarioTimeline.Build(files.Load("base.yaml")), dyad, day);
        var inVariant = Explanation.Of(ScenarioTimeline.Build(files.Load("early.yaml")), dyad, day);

        Assert.DoesNotContain(inBase.Lines, l => l.EventId == "festival-2021");
        Assert.Equal(2.5, Assert.Single(inVariant.Lines, l => l.EventId == "festival-2021").Value);
    }

    [Fact]
    public void A_variant_whose_base_is_itself_is_a_base_cycle()
    {
        var files = Files().Add("loop.yaml", "variant: loop\nbase: loop.yaml\n");

        var problem = Assert.Single(files.Check("loop.yaml").Problems);

        Assert.Equal((2, 7), (problem.At.Line, problem.At.Column));
        Assert.Contains("base cycle", problem.Message);
    }

    [Fact]
    public void A_variant_cannot_be_included()
    {
        var files = Files().Add("main.yaml", "id: main\nperiod: { from: 2020-01-01, to: 2020-12-31 }\ninclude: [v1.yaml]\n");

        Assert.Contains("is a variant; only scenario files can be included", Assert.Single(files.Check("main.yaml").Problems).Message);
    }
}
