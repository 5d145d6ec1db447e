using Relations.Model.Scenarios;
using Relations.Model.Telemetry;

namespace Relations.Import;

/// <summary>Whether rows reporting one happening are merged (<c>--dedupe day|none</c>).</summary>
public enum DedupeMode
{
    /// <summary>Rows of one day, dyad and kind become one event (the default for GDELT and ICEWS files).</summary>
    Day,

    /// <summary>Every row is an event of its own (the default for spreadsheets and CSV files).</summary>
    None,
}

/// <summary>
/// What <c>relations import</c> may set besides the files: the scenario id, its period, extra CAMEO mappings,
/// whether coded events whose actors map to no scenario actor are skipped (a raw GDELT file) rather than errors,
/// whether rows of one day, dyad and kind are merged (null: the format's default), and the most event occurrences
/// the host takes.
/// </summary>
public sealed record ImportOptions(
    string? Id = null,
    Period? Period = null,
    IReadOnlyList<KeyValuePair<string, string>>? Maps = null,
    bool SkipUnmappedActors = false,
    DedupeMode? Dedupe = null,
    long MaxOccurrences = Bounds.MaxOccurrences);

/// <summary>
/// An import's outcome: the scenario (as the reader reads the written YAML back) and that YAML, or every problem;
/// and, either way, the <see cref="Summary"/> of what became of every row.
/// </summary>
public sealed record ImportResult(Scenario? Scenario, string? Yaml, IReadOnlyList<Problem> Problems, ImportSummary Summary);

/// <summary>
/// Turns an analyst's events — a spreadsheet or CSV with one event a row, a GDELT event file or an ICEWS event file —
/// and their actors into a scenario file that validates and replays like the hand-written YAML of the same events.
/// Pure: reads files as streams, answers text; the host decides where it goes.
/// </summary>
public static class ScenarioImporter
{
    /// <summary>The sheet that holds the actors in a workbook.</summary>
    public const string ActorsSheet = "actors";

    public static ImportResult Import(ImportFile events, ImportFile? actorsFile = null, ImportOptions? options = null, CancellationToken cancellation = default)
    {
        var result = Read(events, actorsFile, options, cancellation);
        var summary = result.Summary;
        RelationsMetrics.ImportRows.Add(summary.Rows - summary.Skipped - summary.RowsWithProblems, new KeyValuePair<string, object?>("outcome", "kept"));
        RelationsMetrics.ImportRows.Add(summary.Skipped, new KeyValuePair<string, object?>("outcome", "skipped"));
        RelationsMetrics.ImportRows.Add(summary.RowsWithProblems, new KeyValuePair<string, object?>("outcome", "problem"));
        return result;
    }

    private static ImportResult Read(ImportFile events, ImportFile? actorsFile, ImportOptions? options, CancellationToken cancellation)
    {
        options ??= new ImportOptions();
        var problems = new List<Problem>();
        var fileName = Path.GetFileName(events.Name);
        var budget = new ImportBudget(options.MaxOccurrences, cancellation);
        var sources = new SourceCatalog(fileName, budget);
        var tally = new SummaryTally(events.Name);
        List<ScenarioEvent>? read = null;
        var actors = ActorDirectory.Empty;
        string format;

        if (IsWorkbook(events.Name))
        {
            format = "a spreadsheet";
            if (TableReaders.SheetNames(events, problems) is { } sheets)
            {
                var actorsSheet = sheets.FirstOrDefault(s => s.Equals(ActorsSheet, StringComparison.OrdinalIgnoreCase));
                var eventsSheet = sheets.FirstOrDefault(s => s.Equals("events", StringComparison.OrdinalIgnoreCase))
                    ?? sheets.FirstOrDefault(s => s != actorsSheet);
                if (actorsSheet is not null && actorsFile is not null)
                {
                    problems.Add(new Problem(new(events.Name, 1, 1), $"the workbook has an '{actorsSheet}' sheet and an actors file is given too; give the actors once"));
                }
                else
                {
                    actors = actorsSheet is not null
                        ? ActorDirectory.Read(TableReaders.ReadSheet(events, actorsSheet, problems), problems)
                        : ReadActors(actorsFile, problems);
                }
                if (eventsSheet is null)
                    problems.Add(new Problem(new(events.Name, 1, 1), "the workbook has no sheet of events"));
                else
                    read = EventSheet.Read(TableReaders.ReadSheet(events, eventsSheet, problems), actors, sources, options.Dedupe ?? DedupeMode.None, tally, budget, problems);
            }
        }
        else
        {
            actors = ReadActors(actorsFile, problems);
            (format, read) = ReadText(events, actors, sources, options, tally, budget, problems);
        }

        cancellation.ThrowIfCancellationRequested();
        var summary = tally.Summary(format, read?.Count ?? 0);
        var id = options.Id ?? Ids.Slug(Path.GetFileNameWithoutExtension(events.Name), "imported", Ids.MaxLength);
        if (!Ids.IsValid(id))
            problems.Add(new Problem(new("--id", 1, 1), $"'{id}' is not a valid scenario id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
        if (problems.Count == 0 && read is { Count: 0 })
        {
            problems.Add(new Problem(new(events.Name, 1, 1), summary.Rows == 0
                ? "the file holds no events"
                : $"no event is left to import: all {summary.Rows:N0} rows were skipped ({string.Join("; ", summary.Skips.Select(s => $"{s.Count:N0}: {SkipReasons.Describe(s.Reason)}"))})"));
        }
        if (problems.Count > 0 || read is null)
            return new ImportResult(null, null, Sorted(problems), summary);

        actors.Actors.ToList().ForEach(a => budget.Add(48 + a.Id.Length + ImportBudget.TextBytes(a.Name)));
        var period = options.Period ?? new Period(
            new DateOnly(read.Min(e => e.Date.From).Year, 1, 1),
            new DateOnly(read.Max(e => e.Date.To).Year, 12, 31));
        var description = $"Imported with 'relations import' from {fileName}, {format}: {summary.Rows:N0} rows, {read.Count:N0} events"
            + (summary.Skipped > 0 ? $" ({string.Join("; ", summary.Skips.Select(s => $"{s.Count:N0} rows skipped: {SkipReasons.Describe(s.Reason)}"))})" : "")
            + ". Each event's note names the file and row it came from.";
        var scenario = new Scenario(id, $"Imported from {fileName}", description, period, ModelParameters.Default,
            sources.Sources.ToValueList(), actors.Actors.ToValueList(), ValueList<RelationshipDeclaration>.Empty,
            ValueList<Interruption>.Empty, read.ToValueList());
        var yaml = ScenarioYamlWriter.Write(scenario);

        // The written text is read back as `relations validate` and `replay` will read it: what the import answers is what replays.
        var (loaded, loadProblems) = new ScenarioLoader(_ => throw new FileNotFoundException(), cancellation).CheckText($"{id}.yaml", yaml, Path.GetTempPath());
        return new ImportResult(loaded, loaded is null ? null : yaml, loadProblems, summary);
    }

    /// <summary>A text file: a GDELT or ICEWS event file by its first line, else a CSV with one event a row.</summary>
    private static (string Format, List<ScenarioEvent>? Events) ReadText(ImportFile file, ActorDirectory actors, SourceCatalog sources,
        ImportOptions options, SummaryTally tally, ImportBudget budget, List<Problem> problems)
    {
        string? firstLine;
        using (var lines = new LineReader(file, problems))
        {
            while ((firstLine = lines.Next()) is not null && firstLine.Trim().Length == 0)
            {
            }
        }
        if (problems.Count > 0)
            return ("a text file", null);
        firstLine ??= "";
        var kinds = new CameoKinds(options.Maps);
        var coded = options with { Dedupe = options.Dedupe ?? DedupeMode.Day };
        if (IcewsFile.IsHeader(firstLine))
        {
            var events = new CodedEvents("ICEWS", "icews", file.Name, actors, kinds, coded, sources, tally, budget, problems);
            IcewsFile.Read(file, events, problems);
            return ("an ICEWS event file", Finish(file, events, tally, budget, problems));
        }
        if (GdeltFile.Detect(firstLine) is not null)
        {
            var events = new CodedEvents("GDELT", "gdelt", file.Name, actors, kinds, coded, sources, tally, budget, problems);
            var layouts = new HashSet<string>(StringComparer.Ordinal);
            GdeltFile.Read(file, events, layouts, problems);
            return ($"a GDELT event file: {(layouts.Count == 0 ? "no event line" : string.Join(", ", GdeltFile.Layouts.Select(l => l.Name).Where(layouts.Contains)))}",
                Finish(file, events, tally, budget, problems));
        }
        if (firstLine.Contains('\t') && !firstLine.Contains(','))
        {
            problems.Add(new Problem(new(file.Name, 1, 1), $"the first line has {firstLine.Split('\t').Length} tab-separated fields: a GDELT event file has 57, 58 (GDELT 1.0) or 61 (GDELT 2.0), and an ICEWS event file starts with its header row (Event ID, Event Date, Source Name, …)"));
            return ("a text file", null);
        }
        if (firstLine.Contains("GLOBALEVENTID", StringComparison.OrdinalIgnoreCase) && firstLine.Contains(';'))
        {
            problems.Add(new Problem(new(file.Name, 1, 1), "this is a GDELT table saved again with ';' between its fields, not GDELT's own tab-separated export: import the export file as GDELT wrote it"));
            return ("a text file", null);
        }
        return ("a CSV file", EventSheet.Read(TableReaders.ReadCsv(file, problems), actors, sources, options.Dedupe ?? DedupeMode.None, tally, budget, problems));
    }

    private static List<ScenarioEvent> Finish(ImportFile file, CodedEvents events, SummaryTally tally, ImportBudget budget, List<Problem> problems)
    {
        if (budget.Exceeded is { } exceeded)
        {
            problems.Add(new Problem(new(file.Name, events.LastLine, 1), exceeded));
            tally.Stopped = true;
        }
        else if (problems.Count >= ImportBudget.MaxProblems)
        {
            problems.Add(new Problem(new(file.Name, events.LastLine, 1), $"reading stopped here, after {ImportBudget.MaxProblems} problems: mend these and import again"));
            tally.Stopped = true;
        }
        return events.Events();
    }

    /// <summary>Whether a file is read as a workbook: by its name, as a spreadsheet program saves it.</summary>
    public static bool IsWorkbook(string name) => name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>An actors file: a CSV, or a workbook whose 'actors' sheet (else first sheet) lists them.</summary>
    private static ActorDirectory ReadActors(ImportFile? file, List<Problem> problems)
    {
        if (file is null)
            return ActorDirectory.Empty;
        if (IsWorkbook(file.Name))
        {
            if (TableReaders.SheetNames(file, problems) is not { Count: > 0 } sheets)
                return ActorDirectory.Empty;
            var sheet = sheets.FirstOrDefault(s => s.Equals(ActorsSheet, StringComparison.OrdinalIgnoreCase)) ?? sheets[0];
            return ActorDirectory.Read(TableReaders.ReadSheet(file, sheet, problems), problems);
        }
        return ActorDirectory.Read(TableReaders.ReadCsv(file, problems), problems);
    }

    /// <summary>Problems in file, row and column order, so a long list reads top-down.</summary>
    private static List<Problem> Sorted(List<Problem> problems) =>
        [.. problems.Distinct().OrderBy(p => p.At.File, StringComparer.Ordinal).ThenBy(p => p.At.Line).ThenBy(p => p.At.Column)];
}
