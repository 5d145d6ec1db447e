using Relations.Model.Output;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Output;

/// <summary>The provenance table of <c>relations sources</c>, and the Markdown escaping that keeps its page whole.</summary>
public sealed class ProvenanceTableTests
{
    [Fact]
    public void Every_actor_interruption_and_event_has_one_row_with_its_provenance()
    {
        var scenario = LoadText(Text("""
            interruptions:
              - { id: c, title: Restriction, from: 2020-02-01, to: 2020-03-01, scope: { countries: [LA] }, cancels: 0.5, certainty: inferred, source: [s], note: "bị hạn chế" }
            events:
              - { id: later, date: 2020-06-01, kind: agreement, between: [vn, la], source: s, note: "no term" }
              - { id: first, date: { from: 2020-01-01, to: 2020-03-31 }, count: 2, kind: visit, mode: online, between: [[vn-city, vn-town], [cn-county]], source: s, certainty: assumed }
            """, "2020-01-01", "2020-12-31"));

        var rows = ProvenanceTable.Rows(scenario);

        Assert.Equal(scenario.Actors.Count + 3, rows.Count);
        Assert.All(rows.Take(scenario.Actors.Count), r => Assert.Equal(("actor", "reported"), (r.Entry, r.Certainty)));
        var villages = rows.Single(r => r.Id == "vn-village");
        Assert.Equal(("VN", "vn-city", "village"), (villages.Country, villages.Parent, villages.Kind));
        var restriction = rows.Single(r => r.Entry == "interruption");
        Assert.Equal(("2020-02-01..2020-03-01", "countries: LA", "0.5", "2", "inferred", "Source", "bị hạn chế"),
            (restriction.Date, restriction.Between, restriction.Cancels, restriction.DecayMultiplier, restriction.Certainty, restriction.SourceTitles.Single(), restriction.Note));
        Assert.Equal(["first", "later"], rows.Where(r => r.Entry == "event").Select(r => r.Id));
        var first = rows.Single(r => r.Id == "first");
        Assert.Equal(("2020-01-01..2020-03-31", "[vn-city, vn-town] × [cn-county]", "2", "online", "assumed"), (first.Date, first.Between, first.Count, first.Mode, first.Certainty));
        Assert.Equal(("vn – la", "3 years (default)"), (rows.Single(r => r.Id == "later").Between, rows.Single(r => r.Id == "later").Term));
    }

    [Theory]
    [InlineData("a | b", @"a \| b")]
    [InlineData("line one\nline two\r\nthree", "line one<br>line two<br>three")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("*bold* _it_ `code` [link](x) \\", @"\*bold\* \_it\_ \`code\` \[link\](x) \\")]
    [InlineData("  Lào Cai ↔ Vân Nam  ", "Lào Cai ↔ Vân Nam")]
    public void Markdown_text_cannot_break_a_table_cell_or_inject_markup(string text, string escaped)
    {
        Assert.Equal(escaped, MarkdownText.Escape(text));
    }
}
