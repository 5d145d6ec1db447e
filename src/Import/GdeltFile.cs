using System.Globalization;
using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// Reads a CAMEO-coded event file in the GDELT event-table layout: tab-separated, no header, one event a line. The
/// column count tells the layout: 57 (GDELT 1.0 back files, no SOURCEURL), 58 (GDELT 1.0 daily files) or 61
/// (GDELT 2.0, which adds an ADM2 code to each of the three geography blocks). The first 35 columns are the same
/// in all three.
/// </summary>
public static class GdeltFile
{
    /// <summary>A GDELT layout: its column count and where DATEADDED and SOURCEURL stand (1-based; 0 when absent).</summary>
    public sealed record Layout(string Name, int Columns, int DateAdded, int SourceUrl);

    public static readonly Layout[] Layouts =
    [
        new("GDELT 1.0 (back file)", 57, 57, 0),
        new("GDELT 1.0", 58, 57, 58),
        new("GDELT 2.0", 61, 60, 61),
    ];

    private const int GlobalEventId = 1, SqlDate = 2, Actor1Code = 6, Actor1Name = 7, Actor2Code = 16, Actor2Name = 17,
        EventCode = 27, GoldsteinScale = 31;

    /// <summary>The layout of a file whose first line has this many tab-separated fields, or null.</summary>
    public static Layout? Detect(string firstLine)
    {
        var count = firstLine.TrimEnd('\r').Split('\t').Length;
        return Layouts.FirstOrDefault(l => l.Columns == count);
    }

    /// <param name="skipUnmapped">Skip (and list) events whose actors map to no scenario actor instead of reporting them as errors.</param>
    public static List<ScenarioEvent> Read(string display, string text, ActorDirectory actors, CameoKinds kinds, bool skipUnmapped,
        SourceCatalog sources, List<Problem> problems, List<Problem> skipped)
    {
        var lines = text.Split('\n');
        var layout = Detect(lines[0])!;
        var events = new List<ScenarioEvent>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
                continue;
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            void Bad(int column, string message) => problems.Add(new Problem(new(display, number, column), message));
            // A header line, as some exports add, names the columns and is no event.
            if (number == 1 && cells[0].Equals("GLOBALEVENTID", StringComparison.OrdinalIgnoreCase))
                continue;
            if (cells.Length != layout.Columns)
            {
                Bad(1, $"this line has {cells.Length} tab-separated fields; the file's first line has {layout.Columns} ({layout.Name})");
                continue;
            }
            string Cell(int column) => cells[column - 1];
            var code = Cell(EventCode);
            if (kinds.KindOf(code) is not { } kind)
            {
                skipped.Add(new Problem(new(display, number, EventCode), $"warning: EventCode '{code}' maps to no kind of the model; the event is skipped (map it with --map {(code.Length >= 3 ? code[..3] : code)}=KIND)"));
                continue;
            }
            if (skipUnmapped && (Unmapped(Actor1Code, Actor1Name) ?? Unmapped(Actor2Code, Actor2Name)) is { } unmapped)
            {
                skipped.Add(new Problem(new(display, number, unmapped.Column), $"warning: {unmapped.Message}; the event is skipped"));
                continue;
            }
            var before = problems.Count;
            var eventId = Cell(GlobalEventId);
            if (eventId.Length == 0 || !eventId.All(char.IsAsciiDigit))
                Bad(GlobalEventId, $"GLOBALEVENTID '{eventId}' is not a number");
            else if (!ids.TryAdd(eventId, number))
                Bad(GlobalEventId, $"GLOBALEVENTID {eventId} appears twice (also line {ids[eventId]})");
            var day = ParseSqlDate(Cell(SqlDate));
            if (day is null)
                Bad(SqlDate, $"SQLDATE '{Cell(SqlDate)}' is not a date YYYYMMDD");
            var a = Actor(Actor1Code, Actor1Name);
            var b = Actor(Actor2Code, Actor2Name);
            if (a is not null && a == b)
                Bad(Actor2Code, $"both actors are '{a}'; an actor is never in a dyad with itself");
            string? url = null;
            if (layout.SourceUrl > 0 && Cell(layout.SourceUrl) is { Length: > 0 } address)
            {
                if (CellValues.IsWebAddress(address))
                    url = address;
                else
                    Bad(layout.SourceUrl, $"SOURCEURL '{address}' is not an http or https address");
            }
            if (problems.Count > before)
                continue;
            var goldstein = Cell(GoldsteinScale);
            var note = $"GDELT event {eventId}, CAMEO {code} (Goldstein {goldstein}): {Named(Cell(Actor1Name), Cell(Actor1Code))} → {Named(Cell(Actor2Name), Cell(Actor2Code))}; imported from {display}, line {number}";
            events.Add(new ScenarioEvent($"gdelt-{eventId}", EventDate.Day(day!.Value), null, kind, [a!], [b!], EventMode.InPerson,
                null, null, Certainty.Reported, [sources.Cite(null, url)], null, note, Origin.None));

            string? Actor(int codeColumn, int nameColumn)
            {
                if (actors.Resolve(Cell(codeColumn), Cell(nameColumn)) is { } id)
                    return id;
                Bad(codeColumn, Unmapped(codeColumn, nameColumn)!.Value.Message);
                return null;
            }

            (int Column, string Message)? Unmapped(int codeColumn, int nameColumn)
            {
                var (actorCode, name) = (Cell(codeColumn), Cell(nameColumn));
                var field = codeColumn == Actor1Code ? "Actor1Code" : "Actor2Code";
                if (actors.Resolve(actorCode, name) is not null)
                    return null;
                return (codeColumn, actorCode.Length == 0 && name.Length == 0
                    ? $"{field} is empty; the event has no actor to place it on"
                    : $"{field} '{actorCode}'{(name.Length > 0 ? $" ({name})" : "")} is not mapped to an actor: add it to the 'code' column of the actors, or declare an actor with the id '{actorCode.ToLowerInvariant()}'");
            }
        }
        return events;
    }

    private static DateOnly? ParseSqlDate(string text) =>
        text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Named(string name, string code) => name.Length > 0 ? $"{name} ({code})" : code;
}
