using System.CommandLine;
using System.Globalization;
using Relations.Import;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations import FILE --out SCENARIO.yaml [--actors ACTORS.csv] [--id ID] [--period FROM..TO] [--map CODE=KIND]
/// [--skip-unmapped] [--dedupe day|none]</c>: an analyst's spreadsheet, CSV, GDELT or ICEWS event file as a scenario
/// (interfaces.md). Every bad row is reported at once and nothing is written; either way a summary says what became
/// of every row.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A .csv or .xlsx with one event a row, a GDELT 1.0/2.0 event file or an ICEWS event file (tab-separated)." };
        var output = new Option<string>("--out") { Description = "The scenario file to write.", Required = true };
        var actors = new Option<string?>("--actors") { Description = "ACTORS.csv (or .xlsx): id, kind, country, parent, name, name_en, name_zh, code, places." };
        var id = new Option<string?>("--id") { Description = "The scenario id (default: from the file name)." };
        var period = new Option<string?>("--period") { Description = "FROM..TO, days YYYY-MM-DD (default: the whole years the events span)." };
        var maps = new Option<string[]>("--map")
        {
            Description = "CODE=KIND: map CAMEO event codes starting with CODE to a kind (repeatable), e.g. --map 036=intent.",
            AllowMultipleArgumentsPerToken = false,
        };
        var skipUnmapped = new Option<bool>("--skip-unmapped")
        {
            Description = "Skip (and count) coded events whose actors map to no actor, as in a raw GDELT or ICEWS file, instead of failing.",
        };
        var dedupe = new Option<string?>("--dedupe")
        {
            Description = "day: merge rows of one day, dyad and kind into one event (default for GDELT and ICEWS); none: every row an event (default for spreadsheets).",
        };
        dedupe.AcceptOnlyFromAmong("day", "none");
        var command = new Command("import", "Turn a spreadsheet, CSV, GDELT or ICEWS event file into a scenario file.")
        {
            file, output, actors, id, period, maps, skipUnmapped, dedupe,
        };
        command.SetAction(parse =>
        {
            var options = new ImportOptions(parse.GetValue(id), ParsePeriod(parse.GetValue(period)), ParseMaps(parse.GetValue(maps)), parse.GetValue(skipUnmapped),
                parse.GetValue(dedupe) switch { "day" => DedupeMode.Day, "none" => DedupeMode.None, _ => null });
            var actorsPath = parse.GetValue(actors);
            var result = ScenarioImporter.Import(Open(parse.GetValue(file)!), actorsPath is null ? null : Open(actorsPath), options);
            foreach (var problem in result.Problems)
                console.Error.WriteLine(problem);
            if (result.Yaml is null || result.Scenario is not { } scenario)
            {
                foreach (var line in result.Summary.Lines())
                    console.Error.WriteLine(line);
                return ExitCodes.BadInput;
            }
            var target = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Written beside the target and moved into place, so a failed write never leaves half a scenario.
            var temporary = target + ".tmp";
            File.WriteAllText(temporary, result.Yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, target, overwrite: true);
            console.Out.WriteLine($"{parse.GetValue(output)}: '{scenario.Id}', {scenario.Actors.Count} actors, {scenario.Sources.Count} sources, "
                + $"{scenario.Events.Count} events, {scenario.Period.From:yyyy-MM-dd}..{scenario.Period.To:yyyy-MM-dd}");
            foreach (var line in result.Summary.Lines())
                console.Out.WriteLine(line);
            return ExitCodes.Success;
        });
        return command;
    }

    private static ImportFile Open(string path)
    {
        if (Directory.Exists(path))
            throw new BadInputException($"{path}: is a folder, not a file");
        if (!File.Exists(path))
            throw new BadInputException($"{path}: the file does not exist");
        try
        {
            // Opened once here so an unreadable file is reported now, not part-way through the import.
            using (File.OpenRead(path))
            {
            }
            return ImportFile.FromPath(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{path}: the file cannot be read: {ex.Message}");
        }
    }

    private static Period? ParsePeriod(string? text)
    {
        if (text is null)
            return null;
        var parts = text.Split("..");
        if (parts.Length == 2 && Day(parts[0]) is { } from && Day(parts[1]) is { } to)
            return to >= from ? new Period(from, to) : throw new BadInputException($"--period '{text}' ends before it starts");
        throw new BadInputException($"--period '{text}' must be FROM..TO with days YYYY-MM-DD, such as 2013-01-01..2026-12-31");

        static DateOnly? Day(string s) =>
            DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static List<KeyValuePair<string, string>> ParseMaps(string[]? texts)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var text in texts ?? [])
        {
            var (mapping, problem) = CameoKinds.Parse(text);
            result.Add(mapping ?? throw new BadInputException(problem!));
        }
        return result;
    }
}
