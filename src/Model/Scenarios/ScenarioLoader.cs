using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>
/// Loads scenario and variant files: follows includes and bases, merges declarations, applies variant changes,
/// validates the result, and answers either a whole <see cref="Scenario"/> or every problem found — never half.
/// </summary>
public sealed class ScenarioLoader
{
    /// <summary>Most files one scenario may pull in through includes and bases.</summary>
    public const int MaxFiles = 256;

    private readonly Func<string, byte[]> readFile;
    private readonly Dictionary<string, byte[]> filesRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object? Document, List<Problem> Problems)> cache = new(StringComparer.Ordinal);

    /// <summary>Where the file being checked (not its includes or bases) puts its warnings; null when none are wanted.</summary>
    private List<Problem>? rootWarnings;

    /// <summary>
    /// Every file this loader has read, by full path: the sources of what it loaded, so that a run can store the
    /// text it came from rather than the parsed scenario.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> FilesRead => filesRead;

    /// <param name="readFile">Reads a file's bytes by full path; a test or host may serve files from elsewhere.</param>
    /// <param name="cancellation">
    /// Stops the check between its stages (each file read and parsed, each include, validation, totals) with an
    /// <see cref="OperationCanceledException"/>: a host's time budget for one request.
    /// </param>
    public ScenarioLoader(Func<string, byte[]>? readFile = null, CancellationToken cancellation = default) =>
        (this.readFile, this.cancellation) = (readFile ?? ScenarioFileReader.Read, cancellation);

    private readonly CancellationToken cancellation;

    /// <summary>Loads a file for replay: the scenario, or a <see cref="ScenarioException"/> with every problem.</summary>
    public Scenario Load(string path)
    {
        var (scenario, problems) = Check(path, requirePeriod: true);
        return problems.Count > 0 ? throw new ScenarioException(problems) : scenario!;
    }

    /// <summary>
    /// Checks a file as <c>relations validate</c> does: a scenario that omits <c>period</c> is valid (it is meant
    /// to be included) unless <paramref name="requirePeriod"/> is set.
    /// </summary>
    public (Scenario? Scenario, IReadOnlyList<Problem> Problems) Check(string path, bool requirePeriod = false) =>
        path.Length == 0 || path.Any(char.IsControl)
            ? (null, [new Problem(new(ProblemText.Clean(path), 1, 1), "this path is empty or contains a control character; no scenario file has such a name")])
            : Check(path, Path.GetFullPath(path), requirePeriod);

    /// <summary>
    /// Checks a file as <see cref="Check(string, bool)"/> does and also finds what is legal but likely unintended
    /// (interfaces.md, "validate warnings"; see <see cref="ScenarioWarnings"/>), in the declarations that could be read.
    /// </summary>
    public ScenarioCheck CheckWithWarnings(string path, bool requirePeriod = false)
    {
        rootWarnings = [];
        try
        {
            var (scenario, problems) = Check(path, requirePeriod);
            // Warnings of a file that also breaks rules are found on what could be read, and printed after its problems.
            var warnings = rootWarnings.Distinct().OrderBy(p => p.At.File, StringComparer.Ordinal)
                .ThenBy(p => p.At.Line).ThenBy(p => p.At.Column).ToList();
            return new ScenarioCheck(scenario, problems, warnings);
        }
        finally
        {
            rootWarnings = null;
        }
    }

    /// <summary>Loads text that is not on disk (an upload) as if it were the file <paramref name="name"/> in <paramref name="directory"/>.</summary>
    public (Scenario? Scenario, IReadOnlyList<Problem> Problems) CheckText(string name, string text, string directory)
    {
        var full = Path.Combine(Path.GetFullPath(directory), name);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var loader = new ScenarioLoader(p => p == full ? bytes : readFile(p), cancellation);
        var checkedText = loader.Check(name, full, requirePeriod: true);
        foreach (var (path, content) in loader.FilesRead)
            filesRead[path] = content;
        return checkedText;
    }

    private (Scenario? Scenario, IReadOnlyList<Problem> Problems) Check(string display, string full, bool requirePeriod)
    {
        var problems = new List<Problem>();
        Scenario? scenario;
        try
        {
            scenario = LoadAny(display, full, [], problems, requirePeriod);
            cancellation.ThrowIfCancellationRequested();
            if (scenario is not null)
                ScenarioTotals.Check(scenario, problems);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A bug, not bad input: still a positioned answer, so one file never stops the check of the others.
            problems.Add(new Problem(new(display, 1, 1), $"internal error while checking this file ({ex.GetType().Name}); please report it"));
            scenario = null;
        }
        var sorted = problems.Distinct().OrderBy(p => p.At.File, StringComparer.Ordinal)
            .ThenBy(p => p.At.Line).ThenBy(p => p.At.Column).ToList();
        return (sorted.Count == 0 ? scenario : null, sorted);
    }

    private Scenario? LoadAny(string display, string full, List<string> chain, List<Problem> problems, bool requirePeriod)
    {
        var document = Read(display, full, problems);
        switch (document)
        {
            case ScenarioDocument scenario:
                return Resolve(scenario, full, chain, problems, requirePeriod);
            case VariantDocument variant:
                return ResolveVariant(variant, full, chain, problems);
            default:
                return null;
        }
    }

    private object? Read(string display, string full, List<Problem> problems)
    {
        cancellation.ThrowIfCancellationRequested();
        if (!cache.TryGetValue(full, out var entry))
        {
            var sink = new ProblemSink(display);
            object? document = null;
            byte[]? bytes = null;
            try
            {
                bytes = readFile(full);
                filesRead[full] = bytes;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                sink.Problems.Add(new Problem(new(display, 1, 1), ex switch
                {
                    FileNotFoundException or DirectoryNotFoundException => "the file does not exist",
                    ScenarioFileException => ex.Message,
                    _ => $"the file cannot be read: {ex.Message}",
                }));
            }
            if (bytes is not null)
            {
                var loaded = YamlTreeLoader.LoadBytes(bytes);
                if (loaded.Root is null)
                    sink.Problems.Add(new Problem(new(display, loaded.Line, loaded.Column), loaded.Error!));
                else
                {
                    cancellation.ThrowIfCancellationRequested();
                    document = ScenarioReader.ReadDocument(loaded.Root, display, sink);
                }
            }
            entry = (document, sink.Problems);
            cache[full] = entry;
        }
        problems.AddRange(entry.Problems);
        return entry.Document;
    }

    private Scenario? Resolve(ScenarioDocument root, string full, List<string> chain, List<Problem> problems, bool requirePeriod)
    {
        var merged = new DeclarationSet();
        var files = new HashSet<string>(StringComparer.Ordinal);
        Merge(root, full, [.. chain, full], files, merged, problems);
        cancellation.ThrowIfCancellationRequested();
        var model = ModelParameters.Default.With(root.Model);
        ScenarioValidator.Check(merged.Sources, merged.Actors, merged.Relationships, merged.Interruptions, merged.Events, model, problems, merged.Conventions);
        cancellation.ThrowIfCancellationRequested();
        if (chain.Count == 0)
            rootWarnings?.AddRange(ScenarioWarnings.Of(root.Period is null ? [] : root.Actors, merged.Actors, merged.Relationships, merged.Interruptions, merged.Events, model, root.Period));
        if (root.Period is null)
        {
            if (requirePeriod && !root.Origin.Has("period"))
                problems.Add(new Problem(root.Origin.Node, $"scenario '{root.Id}' has no 'period'; a scenario needs one to be replayed"));
            return null;
        }
        return new Scenario(root.Id, root.Title ?? root.Id, root.Description, root.Period, model,
            merged.Sources.ToValueList(), merged.Actors.ToValueList(), merged.Relationships.ToValueList(),
            merged.Interruptions.ToValueList(), merged.Events.ToValueList())
        {
            Conventions = merged.Conventions.ToValueList(), Titles = root.Titles, Descriptions = root.Descriptions,
        };
    }

    /// <summary>Includes first, in the order listed, then the file's own declarations (so a file reads top-down).</summary>
    private void Merge(ScenarioDocument document, string full, List<string> chain, HashSet<string> files, DeclarationSet merged, List<Problem> problems)
    {
        files.Add(full);
        foreach (var include in document.Includes)
        {
            var (display, includeFull) = Locate(document.Path, full, include.Path);
            if (chain.Contains(includeFull))
            {
                problems.Add(new Problem(include.Origin.Node, $"include cycle: '{include.Path}' includes this file again"));
                continue;
            }
            if (files.Contains(includeFull))
                continue;
            if (files.Count >= MaxFiles)
            {
                problems.Add(new Problem(include.Origin.Node, $"more than {MaxFiles} files are included"));
                return;
            }
            switch (Read(display, includeFull, problems))
            {
                case ScenarioDocument included:
                    Merge(included, includeFull, [.. chain, includeFull], files, merged, problems);
                    break;
                case VariantDocument:
                    problems.Add(new Problem(include.Origin.Node, $"'{include.Path}' is a variant; only scenario files can be included"));
                    break;
            }
        }
        merged.Add(document, included: chain.Count > 1, problems);
    }

    private Scenario? ResolveVariant(VariantDocument variant, string full, List<string> chain, List<Problem> problems)
    {
        var (display, baseFull) = Locate(variant.Path, full, variant.Base.Path);
        if (chain.Contains(baseFull) || baseFull == full)
        {
            problems.Add(new Problem(variant.Base.Origin.Node, $"base cycle: '{variant.Base.Path}' leads back to this variant"));
            return null;
        }
        if (chain.Count >= MaxFiles)
        {
            problems.Add(new Problem(variant.Base.Origin.Node, $"more than {MaxFiles} variants are chained"));
            return null;
        }
        var before = problems.Count;
        var baseScenario = LoadAny(display, baseFull, [.. chain, full], problems, requirePeriod: true);
        if (baseScenario is null)
        {
            if (problems.Count == before)
                problems.Add(new Problem(variant.Base.Origin.Node, $"the base '{variant.Base.Path}' cannot be replayed"));
            return null;
        }
        var applied = VariantApplier.Apply(variant, baseScenario, problems);
        if (chain.Count == 0 && applied is not null)
            rootWarnings?.AddRange(ScenarioWarnings.Of([], applied.Actors, applied.Relationships, applied.Interruptions, applied.Events, applied.Model, applied.Period));
        return applied;
    }

    /// <summary>A referenced path as shown in messages (beside the referring file's shown path) and as a full path.</summary>
    private static (string Display, string Full) Locate(string referrerDisplay, string referrerFull, string reference)
    {
        var fullPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(referrerFull)!, reference));
        var display = Path.IsPathRooted(reference)
            ? reference
            : Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        if (Path.IsPathRooted(referrerDisplay) && !Path.IsPathRooted(reference))
            display = fullPath;
        return (display, fullPath);
    }
}
