using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// Format 1.2, <c>termCertainty</c> and <c>dateCertainty</c>: an agreement or twinning whose existence is surer than its
/// term says so, and the certainty filter (model.md rule 8) keeps the event but drops its standing tie below the term's
/// certainty; a date less sure than its event is provenance, and the filter keeps the event at its own level.
/// </summary>
public sealed class TermCertaintyTests
{
    private const string ReportedMouAssumedTerm = """
        events:
          - { id: mou, date: 2020-03-01, kind: agreement, between: [vn, cn], term: { until: 2027-03-01 }, source: s, certainty: reported, termCertainty: assumed }
        """;

    [Fact]
    public void A_term_less_sure_than_its_event_is_read()
    {
        var ev = Load(ReportedMouAssumedTerm).Events.Single();

        Assert.Equal((Certainty.Reported, Certainty.Assumed, Certainty.Assumed), (ev.Certainty, ev.TermCertainty, ev.TieCertainty));
    }

    [Fact]
    public void Without_termCertainty_the_tie_is_as_sure_as_its_event()
    {
        var ev = Load("""
            events:
              - { date: 2020-03-01, kind: twinning, between: [vn, cn], source: s, certainty: inferred }
            """).Events.Single();

        Assert.Null(ev.TermCertainty);
        Assert.Equal(Certainty.Inferred, ev.TieCertainty);
    }

    [Fact]
    public void The_reported_filter_keeps_the_impulse_of_a_reported_agreement_and_drops_its_assumed_term()
    {
        var all = Load(ReportedMouAssumedTerm);

        Assert.Equal(8.0 + 5.0, R(all, "cn", "vn", "2020-03-01"), 12);
        Assert.Equal(8.0, R(all.KeepingCertainty(Certainty.Reported), "cn", "vn", "2020-03-01"), 12);
        Assert.Equal(8.0, R(all.KeepingCertainty(Certainty.Inferred), "cn", "vn", "2020-03-01"), 12);
        Assert.Equal(["mou"], all.KeepingCertainty(Certainty.Reported).Events.Select(e => e.Id));
    }

    [Fact]
    public void An_inferred_term_stays_at_the_inferred_level()
    {
        var scenario = Load("""
            events:
              - { date: 2020-03-01, kind: agreement, between: [vn, cn], term: { years: 1 }, source: s, termCertainty: inferred }
            """);

        Assert.Equal(8.0 + 5.0, R(scenario.KeepingCertainty(Certainty.Inferred), "cn", "vn", "2020-03-01"), 12);
        Assert.Equal(8.0, R(scenario.KeepingCertainty(Certainty.Reported), "cn", "vn", "2020-03-01"), 12);
    }

    [Fact]
    public void An_assumed_date_of_a_reported_event_is_provenance_the_filter_keeps_the_event()
    {
        var scenario = Load("""
            events:
              - { id: twinned, date: 2020-03-01, kind: twinning, between: [vn, cn], source: s, dateCertainty: assumed }
            """);

        Assert.Equal(Certainty.Assumed, scenario.Events.Single().DateCertainty);
        Assert.Equal(8.0 + 3.0, R(scenario.KeepingCertainty(Certainty.Reported), "cn", "vn", "2020-03-01"), 12);
        var row = Relations.Model.Output.ProvenanceTable.Rows(scenario).Single(r => r.Id == "twinned");
        Assert.Equal(("2020-03-01 (assumed)", "no end"), (row.Date, row.Term));
    }

    [Fact]
    public void The_provenance_table_says_a_term_is_less_sure_than_its_event()
    {
        var row = Relations.Model.Output.ProvenanceTable.Rows(Load(ReportedMouAssumedTerm)).Single(r => r.Id == "mou");

        Assert.Equal(("reported", "until 2027-03-01 (assumed)"), (row.Certainty, row.Term));
    }

    [Theory]
    [InlineData("kind: visit, certainty: inferred, dateCertainty: reported", "'dateCertainty' (reported) cannot be surer than the event's certainty (inferred)")]
    [InlineData("kind: visit, termCertainty: assumed", "'termCertainty' belongs only to 'agreement' and 'twinning' events, not 'visit'")]
    [InlineData("kind: agreement, certainty: assumed, termCertainty: reported", "'termCertainty' (reported) cannot be surer than the event's certainty (assumed)")]
    [InlineData("kind: agreement, termCertainty: guessed", "'termCertainty'")]
    public void A_wrong_termCertainty_is_refused_where_it_is_written(string fields, string message)
    {
        var text = Text($$"""
            events:
              - { date: 2020-03-01, between: [vn, cn], source: s, {{fields}} }
            """);
        var field = fields.Contains("dateCertainty") ? "dateCertainty" : "termCertainty";
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains(field)) + 1;
        var column = text.Split('\n')[line - 1].IndexOf(field, StringComparison.Ordinal) + 1;

        var problem = Assert.Single(Problems(text));
        Assert.Contains(message, problem.Message);
        Assert.Equal(line, problem.At.Line);
        Assert.True(problem.At.Column >= column, $"the problem should point at {field} (column {column}), not column {problem.At.Column}");
    }
}
