using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// Reads a table with one event a row and columns named after the scenario format's event fields
/// (interfaces.md, <c>relations import</c>). Every bad cell is reported; a row with one is left out.
/// </summary>
public static class EventSheet
{
    public static readonly string[] Columns =
    [
        "date", "from", "to", "count", "kind", "actor_a", "actor_b", "mode", "weight",
        "term_until", "term_years", "certainty", "source", "source_url", "title", "note",
    ];

    private static readonly string[] Certainties = ["reported", "inferred", "assumed"];

    /// <summary>
    /// The events of a table, read row by row within the budget; with <see cref="DedupeMode.Day"/> rows of one day,
    /// dyad, kind and manner (mode, weight, certainty, term) are merged into one event citing every row's source.
    /// </summary>
    internal static List<ScenarioEvent> Read(ImportTable table, ActorDirectory actors, SourceCatalog sources, DedupeMode dedupe,
        SummaryTally tally, ImportBudget budget, List<Problem> problems)
    {
        var header = HeaderRow.Read(table, Columns, "events", problems);
        if (header.Present)
        {
            foreach (var required in (string[])["kind", "actor_a", "actor_b"])
            {
                if (!header.Has(required))
                    problems.Add(table.Problem(1, 1, $"the events need a column '{required}'"));
            }
            if (!header.Has("date") && !(header.Has("from") && header.Has("to")))
                problems.Add(table.Problem(1, 1, "the events need a column 'date', or columns 'from' and 'to' for date ranges"));
        }
        var events = new List<(ScenarioEvent Event, List<int> Rows, List<string> Notes)>();
        var byDay = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in header.DataRows())
        {
            tally.Row();
            budget.Tick();
            var before = problems.Count;
            if (ReadRow(header, row, actors, sources, problems) is not { } ev)
            {
                if (problems.Count > before)
                    tally.Problem(row.Number);
            }
            else if (dedupe == DedupeMode.Day && !ev.Date.IsRange && byDay.TryGetValue(SameDay(ev), out var index))
            {
                var (merged, rows, notes) = events[index];
                rows.Add(row.Number);
                if (header.Cell(row, "note") is { Length: > 0 } note && !notes.Contains(note))
                    notes.Add(note);
                events[index] = (merged with { Sources = merged.Sources.Concat(ev.Sources).Distinct().ToValueList() }, rows, notes);
                tally.Skip(SkipReason.Merged, row.Number, $"into the event of row {rows[0]}");
                budget.Add(16);
            }
            else
            {
                if (dedupe == DedupeMode.Day && !ev.Date.IsRange)
                    byDay[SameDay(ev)] = events.Count;
                events.Add((ev, [row.Number], header.Cell(row, "note") is { Length: > 0 } note ? [note] : []));
                budget.Add(100 + ImportBudget.TextBytes(ev.Title) + ImportBudget.TextBytes(ev.Note) + ev.SideA.Sum(s => s.Length + 2) + ev.SideB.Sum(s => s.Length + 2),
                    (long)(ev.Count ?? 1) * ev.SideA.Count * ev.SideB.Count);
            }
            if (problems.Count >= ImportBudget.MaxProblems || budget.Exceeded is not null)
            {
                problems.Add(table.Problem(row.Number, 1, budget.Exceeded
                    ?? $"reading stopped here, after {ImportBudget.MaxProblems} problems: mend these and import again"));
                tally.Stopped = true;
                break;
            }
        }
        return [.. events.Select(e => e.Rows.Count == 1 ? e.Event : e.Event with { Note = MergedNote(table.Display, e.Rows, e.Notes) })];
    }

    /// <summary>What rows must share to be one event under <c>--dedupe day</c>: the day, both sides, the kind and its manner.</summary>
    private static string SameDay(ScenarioEvent ev)
    {
        var a = string.Join(";", ev.SideA.Order(StringComparer.Ordinal));
        var b = string.Join(";", ev.SideB.Order(StringComparer.Ordinal));
        var dyad = string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
        return string.Join("\n", ev.Date.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), dyad, ev.Kind, ev.Mode, ev.Weight, ev.Term, ev.Certainty);
    }

    private static string MergedNote(string display, List<int> rows, List<string> notes) =>
        (notes.Count > 0 ? string.Join(" / ", notes) + " (" : "")
        + $"{(notes.Count > 0 ? "i" : "I")}mported from {display}, rows {string.Join(", ", rows)}: {rows.Count} rows of one day, dyad and kind, merged"
        + (notes.Count > 0 ? ")" : "");

    private static ScenarioEvent? ReadRow(HeaderRow h, ImportRow row, ActorDirectory actors, SourceCatalog sources, List<Problem> problems)
    {
        var before = problems.Count;
        void Bad(string field, string message) => problems.Add(h.Problem(row, field, message));

        var date = ReadDate(h, row, Bad);
        int? count = null;
        if (h.Cell(row, "count") is { Length: > 0 } countText)
        {
            count = CellValues.Whole(countText);
            if (count is not >= 1)
                Bad("count", $"'{countText}' is not a whole number of at least 1");
            else if (date is { IsRange: false })
                Bad("count", "a count goes only with a date range: give 'from' and 'to' instead of 'date'");
        }
        var kind = h.Cell(row, "kind").ToLowerInvariant();
        if (!ModelParameters.Default.IsKnownKind(kind))
            Bad("kind", kind.Length == 0 ? "every event needs a kind" : $"'{kind}' is not a kind of the model; use one of {string.Join(", ", ModelParameters.Default.Weights.Select(w => w.Key))}");
        var sideA = ReadSide(h, row, "actor_a", actors, Bad);
        var sideB = ReadSide(h, row, "actor_b", actors, Bad);
        if (sideA.Intersect(sideB).FirstOrDefault() is { } both)
            Bad("actor_b", $"actor '{both}' is on both sides; an actor is never in a dyad with itself");
        var mode = h.Cell(row, "mode").ToLowerInvariant() switch
        {
            "" or "in-person" => EventMode.InPerson,
            "online" => EventMode.Online,
            var other => Fail(EventMode.InPerson, () => Bad("mode", $"'{other}' is neither in-person nor online")),
        };
        double? weight = null;
        if (h.Cell(row, "weight") is { Length: > 0 } weightText && (weight = CellValues.Number(weightText)) is null)
            Bad("weight", $"'{weightText}' is not a number");
        var term = ReadTerm(h, row, kind, date, Bad);
        var certaintyText = h.Cell(row, "certainty").ToLowerInvariant();
        var certainty = certaintyText.Length == 0 ? Certainty.Reported
            : Array.IndexOf(Certainties, certaintyText) is var index and >= 0 ? (Certainty)index
            : Fail(Certainty.Reported, () => Bad("certainty", $"'{certaintyText}' is not reported, inferred or assumed"));
        var url = ActorDirectory.NullIfEmpty(h.Cell(row, "source_url"));
        if (url is not null && !CellValues.IsWebAddress(url))
            Bad("source_url", $"'{url}' is not an http or https address");
        if (problems.Count > before || date is null)
            return null;
        var source = sources.Cite(ActorDirectory.NullIfEmpty(h.Cell(row, "source")), url);
        var origin = $"imported from {h.Table.Display}, row {row.Number}";
        var note = h.Cell(row, "note") is { Length: > 0 } given ? $"{given} ({origin})" : char.ToUpperInvariant(origin[0]) + origin[1..];
        return new ScenarioEvent($"row-{row.Number}", date, count, kind, sideA.ToValueList(), sideB.ToValueList(), mode, weight,
            term, certainty, [source], ActorDirectory.NullIfEmpty(h.Cell(row, "title")), note, Origin.None);
    }

    private static EventDate? ReadDate(HeaderRow h, ImportRow row, Action<string, string> bad)
    {
        var day = h.Cell(row, "date");
        var from = h.Cell(row, "from");
        var to = h.Cell(row, "to");
        if (day.Length > 0)
        {
            if (from.Length > 0 || to.Length > 0)
                bad(from.Length > 0 ? "from" : "to", "give either 'date' (one day) or 'from' and 'to' (a range), not both");
            if (CellValues.Day(day) is { } d)
                return EventDate.Day(d);
            bad("date", CellValues.DayProblem(day));
            return null;
        }
        if (from.Length == 0 && to.Length == 0)
        {
            bad(h.Has("date") ? "date" : "from", "every event needs a 'date', or 'from' and 'to'");
            return null;
        }
        DateOnly? Bound(string field, string text)
        {
            if (text.Length == 0)
                bad(field, $"a date range needs both 'from' and 'to'");
            else if (CellValues.Day(text) is { } value)
                return value;
            else
                bad(field, CellValues.DayProblem(text));
            return null;
        }
        var start = Bound("from", from);
        var end = Bound("to", to);
        if (start is null || end is null)
            return null;
        if (end < start)
        {
            bad("to", $"'to' ({end:yyyy-MM-dd}) is before 'from' ({start:yyyy-MM-dd})");
            return null;
        }
        return EventDate.Range(start.Value, end.Value);
    }

    private static string[] ReadSide(HeaderRow h, ImportRow row, string field, ActorDirectory actors, Action<string, string> bad)
    {
        var ids = h.Cell(row, field).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
            bad(field, "every event names an actor on each side");
        foreach (var id in ids)
        {
            if (!actors.Declares(id))
                bad(field, actors.Actors.Count == 0
                    ? $"actor '{id}' is not declared: give the actors in an actors file (--actors ACTORS.csv) or an 'actors' sheet"
                    : $"actor '{id}' is not declared in the actors");
        }
        foreach (var twice in ids.GroupBy(i => i).Where(g => g.Count() > 1))
            bad(field, $"actor '{twice.Key}' is named twice");
        return ids;
    }

    private static Term? ReadTerm(HeaderRow h, ImportRow row, string kind, EventDate? date, Action<string, string> bad)
    {
        var until = h.Cell(row, "term_until");
        var years = h.Cell(row, "term_years");
        if (until.Length == 0 && years.Length == 0)
            return null;
        if (!EventKind.HoldsTie(kind))
        {
            bad(until.Length > 0 ? "term_until" : "term_years", "a term goes only on an agreement or a twinning");
            return null;
        }
        if (until.Length > 0 && years.Length > 0)
        {
            bad("term_years", "give either 'term_until' or 'term_years', not both");
            return null;
        }
        if (years.Length > 0)
        {
            if (CellValues.Whole(years) is >= 1 and var n)
                return new Term(null, n);
            bad("term_years", $"'{years}' is not a whole number of at least 1");
            return null;
        }
        if (CellValues.Day(until) is not { } end)
        {
            bad("term_until", CellValues.DayProblem(until));
            return null;
        }
        if (date is not null && end <= date.To)
        {
            bad("term_until", $"the term ends ({end:yyyy-MM-dd}) on or before the event's date ({date.To:yyyy-MM-dd})");
            return null;
        }
        return new Term(end, null);
    }

    private static T Fail<T>(T fallback, Action report)
    {
        report();
        return fallback;
    }
}
