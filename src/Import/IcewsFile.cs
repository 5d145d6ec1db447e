using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// Reads an ICEWS event file: tab-separated, with its header row (Event ID, Event Date, Source Name, Source Sectors,
/// Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence
/// Number, Publisher, City, District, Province, Country, Latitude, Longitude). Columns are found by their header
/// names, compared without case, spaces or punctuation, so their order and spelling may vary; <c>NA</c> is empty.
/// An event's place (City, District, Province) is both actors' place; its source is the story (Publisher and Story
/// ID), dated by the event.
/// </summary>
public static class IcewsFile
{
    private static readonly string[] Required = ["eventid", "eventdate", "sourcename", "sourcecountry", "cameocode", "targetname", "targetcountry"];

    /// <summary>A header cell's key: lower-case letters and digits only (<c>Event ID</c> → <c>eventid</c>).</summary>
    private static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>Whether a file's first line is an ICEWS header row.</summary>
    public static bool IsHeader(string line)
    {
        var keys = line.Split('\t').Select(Key).ToHashSet();
        return keys.Contains("eventid") && keys.Contains("cameocode") && keys.Contains("sourcename");
    }

    internal static void Read(ImportFile file, CodedEvents events, List<Problem> problems)
    {
        using var reader = new LineReader(file, problems);
        Dictionary<string, int>? columns = null;
        string[] header = [];
        while (!events.Full && reader.Next() is { } text)
        {
            var line = text.TrimEnd('\r');
            if (line.Trim().Length == 0)
                continue;
            var number = reader.Number;
            var cells = line.Split('\t');
            if (IsHeader(line))
            {
                if (columns is null)
                {
                    header = cells;
                    columns = ReadHeader(file.Name, number, cells, problems);
                    if (columns is null)
                        return;
                }
                events.Header();
                continue;
            }
            if (columns is null)
            {
                problems.Add(new Problem(new(file.Name, number, 1), "an ICEWS event file starts with its header row (Event ID, Event Date, Source Name, …)"));
                return;
            }
            events.Row(number);
            string Cell(string key) => columns.TryGetValue(key, out var column) && column <= cells.Length
                ? cells[column - 1].Trim() is var value && value != "NA" ? value : "" : "";
            if (cells.Length != header.Length)
            {
                problems.Add(new Problem(new(file.Name, number, 1), $"this line has {cells.Length} tab-separated fields; the header row has {header.Length}"));
                events.Problem(number);
                continue;
            }
            var code = Cell("cameocode");
            if (!events.Kind(code, number, out var kind))
                continue;
            string[] places = [Cell("city"), Cell("district"), Cell("province")];
            places = [.. places.Where(p => p.Length > 0)];
            var a = new CodedActor("Source Name", columns["sourcename"], Cell("sourcename"), "", Cell("sourcecountry"), [], places);
            var b = new CodedActor("Target Name", columns["targetname"], Cell("targetname"), "", Cell("targetcountry"), [], places);
            var (publisher, story, sentence, day) = (Cell("publisher"), Cell("storyid"), Cell("sentencenumber"), Cell("eventdate"));
            var report = $"{(publisher.Length > 0 ? publisher : "publisher not given")}, story {(story.Length > 0 ? story : "?")}"
                + (sentence.Length > 0 ? $" sentence {sentence}" : "");
            var intensity = Cell("intensity");
            events.Add(new CodedRow(number, Cell("eventid"), columns["eventid"], day, columns["eventdate"], code, a, b,
                intensity.Length > 0 ? $"intensity {intensity}" : "no intensity", report,
                catalog => story.Length == 0 && publisher.Length == 0
                    ? catalog.Cite(null, null)
                    : catalog.Cite($"icews {publisher}\n{story}", $"{(publisher.Length > 0 ? publisher : "ICEWS")}, story {story}",
                        publisher.Length > 0 ? publisher : null, CellValues.Day(day))), kind);
        }
    }

    private static Dictionary<string, int>? ReadHeader(string file, int line, string[] cells, List<Problem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
            columns.TryAdd(Key(cells[i]), i + 1);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count == 0)
            return columns;
        problems.Add(new Problem(new(file, line, 1), $"the ICEWS header row lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}; an ICEWS event file names Event ID, Event Date, Source Name, Source Country, CAMEO Code, Target Name and Target Country"));
        return null;
    }
}
