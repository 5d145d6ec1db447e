using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// Reads a CAMEO-coded event file in the GDELT event-table layout: tab-separated, one event a line. Each line's field
/// count tells its layout, so layouts may mix within a file: 57 (GDELT 1.0 back files, no SOURCEURL), 58 (GDELT 1.0
/// daily files) or 61 (GDELT 2.0, which adds an ADM2 code to each of the three geography blocks). The first 35 fields
/// are the same in all three. A line whose first two fields hold letters and no digits is a header row, whatever its
/// spelling (<c>GLOBALEVENTID</c>, <c>GlobalEventsID</c>), and is not counted as a row.
/// </summary>
public static class GdeltFile
{
    /// <summary>A GDELT layout: its field count, the size of a geography block, and where SOURCEURL stands (1-based; 0 when absent).</summary>
    public sealed record Layout(string Name, int Columns, int GeoBlock, int SourceUrl);

    public static readonly Layout[] Layouts =
    [
        new("GDELT 1.0 back file", 57, 7, 0),
        new("GDELT 1.0 daily file", 58, 7, 58),
        new("GDELT 2.0", 61, 8, 61),
    ];

    private const int GlobalEventId = 1, SqlDate = 2, Actor1Code = 6, Actor1Name = 7, Actor1CountryCode = 8,
        Actor2Code = 16, Actor2Name = 17, Actor2CountryCode = 18, EventCode = 27, GoldsteinScale = 31,
        NumSources = 33, NumArticles = 34, FirstGeo = 36, MaxColumns = 61;

    /// <summary>The layout of a line with this many tab-separated fields, or null.</summary>
    public static Layout? Of(int fields) => Array.Find(Layouts, l => l.Columns == fields);

    /// <summary>The layout of a file whose first line this is, or null when it is no GDELT line.</summary>
    public static Layout? Detect(string firstLine) => Of(firstLine.AsSpan().TrimEnd('\r').Count('\t') + 1);

    internal static void Read(ImportFile file, CodedEvents events, HashSet<string> layoutsSeen, List<Problem> problems)
    {
        using var reader = new LineReader(file, problems);
        var starts = new int[MaxColumns + 1];
        while (!events.Full && reader.Next() is { } text)
        {
            var line = text.AsSpan().TrimEnd('\r');
            if (line.IsWhiteSpace())
                continue;
            var number = reader.Number;
            var fields = line.Count('\t') + 1;
            if (fields <= MaxColumns)
            {
                starts[0] = 0;
                var at = 0;
                for (var i = 1; i < fields; i++)
                    starts[i] = at = line[at..].IndexOf('\t') + at + 1;
                starts[fields] = line.Length + 1;
            }
            string Cell(int column) => column <= fields ? text[starts[column - 1]..(starts[column] - 1)].Trim() : "";
            if (fields <= MaxColumns && IsHeader(line[..(starts[Math.Min(fields, 2)] - 1)]))
            {
                events.Header();
                continue;
            }
            events.Row(number);
            if (Of(fields) is not { } layout)
            {
                problems.Add(new Problem(new(file.Name, number, 1), $"this line has {fields} tab-separated fields; a GDELT event line has 57 (GDELT 1.0 back files), 58 (GDELT 1.0 daily files) or 61 (GDELT 2.0)"));
                events.Problem(number);
                continue;
            }
            layoutsSeen.Add(layout.Name);
            if (!events.Kind(Cell(EventCode), number, out var kind))
                continue;
            var (own1, own2, action) = (Geo(FirstGeo), Geo(FirstGeo + layout.GeoBlock), Geo(FirstGeo + 2 * layout.GeoBlock));
            var a = new CodedActor("Actor1Code", Actor1Code, Cell(Actor1Code), Cell(Actor1Name), Cell(Actor1CountryCode), own1, action);
            var b = new CodedActor("Actor2Code", Actor2Code, Cell(Actor2Code), Cell(Actor2Name), Cell(Actor2CountryCode), own2, action);
            var url = layout.SourceUrl > 0 ? Cell(layout.SourceUrl) : "";
            var (sources, articles) = (Cell(NumSources), Cell(NumArticles));
            var report = $"{Plural(sources, "source")}, {Plural(articles, "article")}" + (url.Length > 0 ? $", {url}" : "");
            events.Add(new CodedRow(number, Cell(GlobalEventId), GlobalEventId, Cell(SqlDate), SqlDate, Cell(EventCode), a, b,
                $"Goldstein {Cell(GoldsteinScale)}", report,
                catalog => CellValues.IsWebAddress(url) ? catalog.Cite(null, url) : catalog.Cite(url.Length > 0 ? url : null, null)), kind);

            // A geography block: Type, FullName, CountryCode, ADM1Code, (ADM2Code in 2.0,) Lat, Long, FeatureID. Type 0 is none.
            string[] Geo(int start) => Cell(start) is "" or "0" ? []
                : layout.GeoBlock == 8 ? [Cell(start + 3), Cell(start + 4), Cell(start + 1)] : [Cell(start + 3), Cell(start + 1)];
        }
    }

    /// <summary>A header line: its id and day fields hold letters and no digit (any spelling of GLOBALEVENTID, SQLDATE).</summary>
    private static bool IsHeader(ReadOnlySpan<char> firstTwoFields)
    {
        var letters = false;
        foreach (var c in firstTwoFields)
        {
            if (char.IsAsciiDigit(c))
                return false;
            letters |= char.IsLetter(c);
        }
        return letters;
    }

    private static string Plural(string count, string noun) => count == "1" ? $"1 {noun}" : $"{(count.Length > 0 ? count : "?")} {noun}s";
}
