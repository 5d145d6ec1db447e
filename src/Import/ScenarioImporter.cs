using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>A file handed to an import: the name its problems are reported under, and its bytes.</summary>
public sealed record ImportFile(string Name, byte[] Bytes);

/// <summary>
/// What <c>relations import</c> may set besides the files: the scenario id, its period, extra CAMEO mappings, and
/// whether coded events whose actors map to no scenario actor are skipped (a raw GDELT file) rather than errors.
/// </summary>
public sealed record ImportOptions(
    string? Id = null,
    Period? Period = null,
    IReadOnlyList<KeyValuePair<string, string>>? Maps = null,
    bool SkipUnmappedActors = false);

/// <summary>
/// An import's outcome: the scenario (as the reader reads the written YAML back) and that YAML, or every problem;
/// <see cref="Skipped"/> lists rows left out on purpose (event codes that map to no kind, actors that map to none when asked to skip them).
/// </summary>
public sealed record ImportResult(Scenario? Scenario, string? Yaml, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Skipped);

/// <summary>
/// Turns an analyst's events — a spreadsheet or CSV with one event a row, or a GDELT-layout CAMEO event file —
/// and their actors into a scenario file that validates and replays like the hand-written YAML of the same events.
/// Pure: reads bytes, answers text; the host decides where it goes.
/// </summary>
public static class ScenarioImporter
{
    /// <summary>The sheet that holds the actors in a workbook.</summary>
    public const string ActorsSheet = "actors";

    public static ImportResult Import(ImportFile events, ImportFile? actorsFile = null, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        var problems = new List<Problem>();
        var skipped = new List<Problem>();
        var fileName = Path.GetFileName(events.Name);
        var sources = new SourceCatalog(fileName);
        List<ScenarioEvent>? read = null;
        var actors = ActorDirectory.Empty;
        string format;

        if (IsWorkbook(events.Name))
        {
            format = "a spreadsheet";
            if (TableReaders.SheetNames(events.Name, events.Bytes, problems) is { } sheets)
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
                        ? ActorDirectory.Read(TableReaders.ReadSheet(events.Name, events.Bytes, actorsSheet), problems)
                        : ReadActors(actorsFile, problems);
                }
                if (eventsSheet is null)
                    problems.Add(new Problem(new(events.Name, 1, 1), "the workbook has no sheet of events"));
                else
                    read = EventSheet.Read(TableReaders.ReadSheet(events.Name, events.Bytes, eventsSheet), actors, sources, problems);
            }
        }
        else if (TableReaders.DecodeUtf8(events.Bytes) is not { } text)
        {
            format = "";
            problems.Add(new Problem(new(events.Name, 1, 1), "the file is neither an .xlsx workbook nor UTF-8 text"));
        }
        else
        {
            actors = ReadActors(actorsFile, problems);
            var firstLine = text.Split('\n', 2)[0];
            if (GdeltFile.Detect(firstLine) is { } layout)
            {
                format = $"a CAMEO-coded event file ({layout.Name} layout)";
                read = GdeltFile.Read(events.Name, text, actors, new CameoKinds(options.Maps), options.SkipUnmappedActors, sources, problems, skipped);
            }
            else
            {
                format = "a CSV file";
                if (firstLine.Contains('\t') && !firstLine.Contains(','))
                    problems.Add(new Problem(new(events.Name, 1, 1), $"the first line has {firstLine.Split('\t').Length} tab-separated fields; a GDELT event file has 57, 58 (GDELT 1.0) or 61 (GDELT 2.0)"));
                else
                    read = EventSheet.Read(TableReaders.ReadCsv(events.Name, text, problems), actors, sources, problems);
            }
        }

        var id = options.Id ?? Ids.Slug(Path.GetFileNameWithoutExtension(events.Name), "imported", Ids.MaxLength);
        if (!Ids.IsValid(id))
            problems.Add(new Problem(new("--id", 1, 1), $"'{id}' is not a valid scenario id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
        if (problems.Count == 0 && read is { Count: 0 })
            problems.Add(new Problem(new(events.Name, 1, 1), skipped.Count > 0
                ? $"no event is left to import: all {skipped.Count} were skipped"
                : "the file holds no events"));
        if (problems.Count > 0 || read is null)
            return new ImportResult(null, null, Sorted(problems), skipped);

        var period = options.Period ?? new Period(
            new DateOnly(read.Min(e => e.Date.From).Year, 1, 1),
            new DateOnly(read.Max(e => e.Date.To).Year, 12, 31));
        var description = $"Imported with 'relations import' from {fileName}, {format}: {read.Count} events"
            + (skipped.Count > 0 ? $" ({skipped.Count} rows skipped: their event codes map to no kind of the model, or their actors to no actor)" : "")
            + ". Each event's note names the file and row it came from.";
        var scenario = new Scenario(id, $"Imported from {fileName}", description, period, ModelParameters.Default,
            sources.Sources.ToValueList(), actors.Actors.ToValueList(), ValueList<RelationshipDeclaration>.Empty,
            ValueList<Interruption>.Empty, read.ToValueList());
        var yaml = ScenarioYamlWriter.Write(scenario);

        // The written text is read back as `relations validate` and `replay` will read it: what the import answers is what replays.
        var (loaded, loadProblems) = new ScenarioLoader(_ => throw new FileNotFoundException()).CheckText($"{id}.yaml", yaml, Path.GetTempPath());
        return new ImportResult(loaded, loaded is null ? null : yaml, loadProblems, skipped);
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
            if (TableReaders.SheetNames(file.Name, file.Bytes, problems) is not { Count: > 0 } sheets)
                return ActorDirectory.Empty;
            var sheet = sheets.FirstOrDefault(s => s.Equals(ActorsSheet, StringComparison.OrdinalIgnoreCase)) ?? sheets[0];
            return ActorDirectory.Read(TableReaders.ReadSheet(file.Name, file.Bytes, sheet), problems);
        }
        if (TableReaders.DecodeUtf8(file.Bytes) is not { } text)
        {
            problems.Add(new Problem(new(file.Name, 1, 1), "the actors file is neither an .xlsx workbook nor UTF-8 text"));
            return ActorDirectory.Empty;
        }
        return ActorDirectory.Read(TableReaders.ReadCsv(file.Name, text, problems), problems);
    }

    /// <summary>Problems in file, row and column order, so a long list reads top-down.</summary>
    private static List<Problem> Sorted(List<Problem> problems) =>
        [.. problems.Distinct().OrderBy(p => p.At.File, StringComparer.Ordinal).ThenBy(p => p.At.Line).ThenBy(p => p.At.Column)];
}
