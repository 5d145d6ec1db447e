using Relations.Model.Evaluation;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Evaluation;

/// <summary>Rule 7: an explanation lists each event's contribution, and the lines add up to R.</summary>
public sealed class ExplanationTests
{
    private const string Sections = """
        events:
          - { id: mou, date: 2020-01-01, kind: agreement, between: [vn-city, cn-county], source: s, title: "City MoU" }
          - { id: talks, date: 2020-03-01, kind: visit, between: [vn, cn], source: s }
          - { id: later, date: 2020-07-01, kind: aid, between: [vn-city, cn-county], source: s }
        """;

    [Fact]
    public void An_explanation_lists_impulse_standing_tie_and_spill_largest_first()
    {
        var scenario = Load(Sections);
        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn-city", "cn-county"), Day("2020-06-01"));

        // 2020-06-01 is 152 days after the MoU and 92 after the talks.
        Assert.Equal(
            [
                ("mou", ContributionKind.Impulse, 8.0 * Math.Pow(2, -152.0 / 540)),
                ("mou", ContributionKind.Standing, 5.0),
                ("talks", ContributionKind.SpillDown, 0.25 * 1.9 * Math.Pow(2, -92.0 / 540)),
            ],
            explanation.Lines.Select(l => (l.EventId, l.Kind, l.Value)));
        Assert.Equal(new Dyad("cn", "vn"), explanation.Lines[2].From);
        Assert.Equal("City MoU", explanation.Lines[0].Title);
        Assert.Equal("Source", explanation.Lines[0].SourceTitle);
    }

    [Fact]
    public void The_lines_add_up_to_the_score_of_the_series()
    {
        var scenario = Load(Sections);
        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn-city", "cn-county"), Day("2020-06-01"));

        Assert.Equal(explanation.Score, explanation.Lines.Sum(l => l.Value), 12);
        Assert.Equal(R(scenario, "vn-city", "cn-county", "2020-06-01"), explanation.Score);
        Assert.Equal(100.0 * (1 - Math.Exp(-explanation.Score / 10)), explanation.Strength);
    }

    [Fact]
    public void An_explanation_leaves_out_later_events_and_ended_standing_ties()
    {
        var scenario = Load("""
            events:
              - { id: mou, date: 2020-01-01, kind: agreement, term: { until: 2020-02-01 }, between: [vn, la], source: s }
              - { id: later, date: 2020-07-01, kind: aid, between: [vn, la], source: s }
            """);

        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn", "la"), Day("2020-06-01"));

        var line = Assert.Single(explanation.Lines);
        Assert.Equal(("mou", ContributionKind.Impulse), (line.EventId, line.Kind));
    }

    [Fact]
    public void Occurrences_of_one_event_share_a_line()
    {
        var scenario = Load("""
            events:
              - { id: visits, date: { from: 2020-01-01, to: 2020-01-03 }, count: 2, kind: visit, between: [vn, la], source: s }
            """);

        var explanation = Explanation.Of(ScenarioTimeline.Build(scenario), new Dyad("vn", "la"), Day("2020-01-03"));

        // span 2: the occurrences fall ⌊0.5⌋ = 0 and ⌊1.5⌋ = 1 days after the start.
        var line = Assert.Single(explanation.Lines);
        Assert.Equal(2, line.Occurrences);
        Assert.Equal(1.9 * Math.Pow(2, -2.0 / 540) + 1.9 * Math.Pow(2, -1.0 / 540), line.Value);
    }
}
