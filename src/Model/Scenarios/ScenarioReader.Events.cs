using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>The events part of <see cref="ScenarioReader"/>: dates and ranges, sides of <c>between</c>, terms.</summary>
internal static partial class ScenarioReader
{
    private static List<ScenarioEvent> ReadEvents(YamlTreeNode? node, ProblemSink sink, string idPrefix = "e")
    {
        var result = new List<ScenarioEvent>();
        if (sink.Sequence(node, "'events'") is not { } seq)
            return result;
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (ReadEvent(seq.Items[i], sink, $"{idPrefix}{i + 1}") is { } ev)
                result.Add(ev);
        }
        return result;
    }

    private static ScenarioEvent? ReadEvent(YamlTreeNode node, ProblemSink sink, string defaultId)
    {
        var m = sink.Mapping(node, "an event",
            "id", "date", "count", "kind", "between", "mode", "weight", "term", "certainty", "termCertainty", "dateCertainty", "source", "title", "note", "convention");
        if (m is null)
            return null;
        var explicitId = sink.Id(m.Field("id"), "the event id");
        var date = ReadEventDate(m.Required("date"), sink);
        var count = sink.Integer(m.Field("count"), "'count'", 1, Bounds.MaxCount);
        if (m.Has("count") && date is { IsRange: false })
            sink.Report(m.Field("count")!, "'count' goes only with a date range: write date: { from: ..., to: ... }");
        var kind = sink.Id(m.Required("kind"), "the event kind");
        var sides = ReadBetween(m.Required("between"), sink);
        var mode = sink.OneOf(m.Field("mode"), "'mode'", ModeWords) == "online" ? EventMode.Online : EventMode.InPerson;
        var weight = sink.Number(m.Field("weight"), "'weight'", Bounds.Weight);
        var term = ReadTerm(m.Field("term"), sink);
        var certainty = ReadCertainty(m.Field("certainty"), sink) ?? Certainty.Reported;
        var termCertainty = ReadCertainty(m.Field("termCertainty"), sink, "termCertainty");
        var dateCertainty = ReadCertainty(m.Field("dateCertainty"), sink, "dateCertainty");
        var sources = ReadSourceIds(m, sink, required: true);
        var title = sink.Text(m.Field("title"), "'title'");
        var note = sink.Text(m.Field("note"), "'note'");
        var conventions = ReadConventionIds(m, sink);
        if (m.Has("id") && explicitId is null || date is null || kind is null || sides is null || sources is null)
            return null;
        return new ScenarioEvent(explicitId ?? defaultId, date, count, kind, sides.Value.A, sides.Value.B, mode,
            weight, term, certainty, sources, title, note, m.Origin) { HasExplicitId = explicitId is not null, TermCertainty = termCertainty, DateCertainty = dateCertainty, Conventions = conventions };
    }

    internal static EventDate? ReadEventDate(YamlTreeNode? node, ProblemSink sink)
    {
        if (node is null)
            return null;
        if (node is YamlTreeScalar)
            return sink.Date(node, "'date'") is { } day ? EventDate.Day(day) : null;
        var m = sink.Mapping(node, "a date range", "from", "to");
        if (m is null)
            return null;
        var from = sink.Date(m.Required("from"), "'date.from'");
        var to = sink.Date(m.Required("to"), "'date.to'");
        if (from is null || to is null)
            return null;
        if (to < from)
        {
            sink.Report(m.Field("to")!, $"'date.to' ({to:yyyy-MM-dd}) is before 'date.from' ({from:yyyy-MM-dd})");
            return null;
        }
        return EventDate.Range(from.Value, to.Value);
    }

    private static (ValueList<string> A, ValueList<string> B)? ReadBetween(YamlTreeNode? node, ProblemSink sink)
    {
        if (node is null)
            return null;
        const string Shape = "'between' is one dyad [a, b] or two sides [[a1, a2], [b1]]";
        if (node is not YamlTreeSequence { Items.Count: 2 } seq)
        {
            sink.Report(node, $"{Shape}, not {node.Describe()}" + (node is YamlTreeSequence s ? $" of {s.Items.Count} entries" : ""));
            return null;
        }
        if (seq.Items.All(i => i is YamlTreeScalar))
        {
            var a = sink.Id(seq.Items[0], "an actor in 'between'");
            var b = sink.Id(seq.Items[1], "an actor in 'between'");
            return a is null || b is null ? null : ([a], [b]);
        }
        if (seq.Items.All(i => i is YamlTreeSequence))
        {
            var sides = seq.Items.Select(side =>
            {
                var ids = sink.IdList(side, "between");
                if (ids.Count == 0)
                    sink.Report(side, "a side of 'between' names at least one actor");
                foreach (var dup in ids.GroupBy(x => x).Where(g => g.Count() > 1))
                    sink.Report(side, $"actor '{dup.Key}' is named twice on the same side of 'between'");
                return ids;
            }).ToList();
            return sides.Any(s => s.Count == 0) ? null : (sides[0].ToValueList(), sides[1].ToValueList());
        }
        sink.Report(node, Shape + "; do not mix single actors and lists");
        return null;
    }

    private static Term? ReadTerm(YamlTreeNode? node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "'term'", "until", "years");
        if (m is null)
            return null;
        var until = sink.Date(m.Field("until"), "'term.until'");
        var years = sink.Integer(m.Field("years"), "'term.years'", 1, Bounds.MaxTermYears);
        if (m.Has("until") == m.Has("years"))
        {
            sink.Report(m.Node, "'term' gives exactly one of 'until' (a date) or 'years' (a whole number)");
            return null;
        }
        return until is null && years is null ? null : new Term(until, years);
    }
}
