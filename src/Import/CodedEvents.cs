using System.Globalization;
using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// One row of a coded event file (GDELT or ICEWS) as its reader found it; the dates and ids are checked only when the
/// row's actors are of the scenario, so rows about other places cost nothing but their counting.
/// </summary>
internal sealed record CodedRow(
    int Line,
    string Id,
    int IdColumn,
    string Day,
    int DayColumn,
    string EventCode,
    CodedActor A,
    CodedActor B,
    string Detail,
    string Report,
    Func<SourceCatalog, string> Cite);

/// <summary>
/// Turns the rows of a coded event file into scenario events, one rule for GDELT and ICEWS alike: the kind by the
/// event code, the two actors by <see cref="ActorDirectory.Resolve"/>, self-pairs and actor–ancestor pairs skipped,
/// repeated ids skipped, and with <see cref="DedupeMode.Day"/> the rows of one day, dyad and kind merged into one
/// event whose note keeps every row's id and report and whose sources are every row's. Counts every row in the tally.
/// </summary>
internal sealed class CodedEvents(
    string format,
    string prefix,
    string display,
    ActorDirectory actors,
    CameoKinds kinds,
    ImportOptions options,
    SourceCatalog sources,
    SummaryTally tally,
    ImportBudget budget,
    List<Problem> problems)
{
    private sealed class Pending(CodedRow first, string kind, DateOnly day, string a, string b)
    {
        public CodedRow First { get; } = first;
        public string Kind { get; } = kind;
        public DateOnly Day { get; } = day;
        public string A { get; } = a;
        public string B { get; } = b;
        public List<CodedRow> Rows { get; } = [first];
        public List<string> Sources { get; } = [];
    }

    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<(DateOnly, string, string, string), Pending> byDay = [];
    private readonly List<Pending> kept = [];

    /// <summary>Whether reading should stop: too many problems, or a limit of the scenario passed.</summary>
    public bool Full => problems.Count >= ImportBudget.MaxProblems || budget.Exceeded is not null;

    /// <summary>The line of the last row counted: where reading stopped, if it stopped.</summary>
    public int LastLine { get; private set; }

    /// <summary>Counts a row; checks the time budget.</summary>
    public void Row(int line)
    {
        LastLine = line;
        tally.Row();
        budget.Tick();
    }

    /// <summary>Counts a header row: not a row of the file's events.</summary>
    public void Header() => tally.Header();

    /// <summary>Marks a row that has a problem.</summary>
    public void Problem(int line) => tally.Problem(line);

    /// <summary>The kind of a row's event code; false (the row skipped and counted) when it maps to none.</summary>
    public bool Kind(string code, int line, out string kind)
    {
        if (kinds.KindOf(code) is { } found)
        {
            kind = found;
            return true;
        }
        kind = "";
        tally.Skip(SkipReason.NoKind, line, $"event code '{code}' (map it with --map {(code.Length >= 3 ? code[..3] : code)}=KIND)");
        return false;
    }

    /// <summary>Places a row whose kind is known: skipped and counted, an error, a new event, or merged into one.</summary>
    public void Add(CodedRow row, string kind)
    {
        var a = actors.Resolve(row.A, out var why);
        var b = a is null ? null : actors.Resolve(row.B, out why);
        if (a is null || b is null)
        {
            var column = a is null ? row.A.Column : row.B.Column;
            if (options.SkipUnmappedActors)
            {
                tally.Skip(SkipReason.UnmappedActor, row.Line, why);
            }
            else
            {
                problems.Add(new Problem(new(display, row.Line, column), why!));
                tally.Problem(row.Line);
            }
            return;
        }
        if (a == b)
        {
            tally.Skip(SkipReason.SelfPair, row.Line, $"{row.A.Display} → {row.B.Display} are both '{a}'");
            return;
        }
        if (actors.IsAncestor(a, b) || actors.IsAncestor(b, a))
        {
            tally.Skip(SkipReason.AncestorPair, row.Line, $"{row.A.Display} → {row.B.Display} are '{a}' and '{b}'");
            return;
        }
        var before = problems.Count;
        var id = $"{prefix}-{row.Id.ToLowerInvariant()}";
        if (row.Id.Length == 0 || !Ids.IsValid(id))
            problems.Add(new Problem(new(display, row.Line, row.IdColumn), $"the event id '{row.Id}' is not a number or id"));
        var day = ParseDay(row.Day);
        if (day is null)
            problems.Add(new Problem(new(display, row.Line, row.DayColumn), $"'{row.Day}' is not a date (YYYYMMDD or YYYY-MM-DD)"));
        else if (!Bounds.InCalendar(day.Value))
            problems.Add(new Problem(new(display, row.Line, row.DayColumn), $"{day:yyyy-MM-dd} is outside the years a scenario may name ({Bounds.FirstDay.Year}–{Bounds.LastDay.Year})"));
        if (problems.Count > before)
        {
            tally.Problem(row.Line);
            return;
        }
        if (!ids.Add(id))
        {
            tally.Skip(SkipReason.RepeatedId, row.Line, $"event id {row.Id}");
            return;
        }
        var key = (day!.Value, string.CompareOrdinal(a, b) < 0 ? a : b, string.CompareOrdinal(a, b) < 0 ? b : a, kind);
        if (options.Dedupe == DedupeMode.Day && byDay.TryGetValue(key, out var pending))
        {
            pending.Rows.Add(row);
            AddSource(pending, row);
            tally.Skip(SkipReason.Merged, row.Line, $"into the event of line {pending.First.Line}");
            budget.Add(row.Id.Length + row.Report.Length + 24);
            return;
        }
        pending = new Pending(row, kind, day.Value, a, b);
        AddSource(pending, row);
        kept.Add(pending);
        if (options.Dedupe == DedupeMode.Day)
            byDay[key] = pending;
        budget.Add(120 + id.Length + a.Length + b.Length + ImportBudget.TextBytes(row.A.Display) + ImportBudget.TextBytes(row.B.Display)
            + row.Detail.Length + row.Report.Length + display.Length, 1);
    }

    private void AddSource(Pending pending, CodedRow row)
    {
        var source = row.Cite(sources);
        if (!pending.Sources.Contains(source))
            pending.Sources.Add(source);
    }

    public int Count => kept.Count;

    /// <summary>The events in the order of their first rows.</summary>
    public List<ScenarioEvent> Events() => [.. kept.Select(ToEvent)];

    private ScenarioEvent ToEvent(Pending p)
    {
        var first = p.First;
        var codes = string.Join("/", p.Rows.Select(r => r.EventCode).Distinct());
        string note;
        if (p.Rows.Count == 1)
        {
            note = $"{format} event {first.Id}, CAMEO {first.EventCode} ({first.Detail}): {first.A.Display} → {first.B.Display}; {first.Report}; imported from {display}, line {first.Line}";
        }
        else
        {
            note = string.Create(CultureInfo.InvariantCulture,
                $"{format} events {string.Join(", ", p.Rows.Select(r => r.Id))} ({p.Rows.Count} rows of one day, dyad and kind, merged; CAMEO {codes}): "
                + $"{first.A.Display} → {first.B.Display}; {string.Join("; ", p.Rows.Select(r => $"{r.Id}: {r.Detail}, {r.Report}"))}; "
                + $"imported from {display}, lines {string.Join(", ", p.Rows.Select(r => r.Line))}");
        }
        return new ScenarioEvent($"{prefix}-{first.Id.ToLowerInvariant()}", EventDate.Day(p.Day), null, p.Kind, [p.A], [p.B], EventMode.InPerson,
            null, null, Certainty.Reported, p.Sources.ToValueList(), null, note, Origin.None);
    }

    /// <summary>GDELT's SQLDATE (YYYYMMDD) or ICEWS's Event Date (YYYY-MM-DD).</summary>
    private static DateOnly? ParseDay(string text) =>
        text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : CellValues.Day(text);
}
