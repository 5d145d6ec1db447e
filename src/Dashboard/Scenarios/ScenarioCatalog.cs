using Relations.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Localization;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Scenarios;

/// <summary>A replayable file of the scenarios folder: a scenario or a what-if variant.</summary>
public sealed record CatalogEntry(
    string Id,
    string Title,
    string? Description,
    string Path,
    bool IsVariant,
    string? BaseId,
    int Events,
    int Actors)
{
    /// <summary>The scenario's <c>titles:</c> per language (format 1.2), or null.</summary>
    public LanguageTexts? Titles { get; init; }

    /// <summary>The scenario's <c>descriptions:</c> per language (format 1.2), or null.</summary>
    public LanguageTexts? Descriptions { get; init; }

    /// <summary>The title in the page's language when the file gives one, else <see cref="Title"/>.</summary>
    public string PageTitle => Titles?.For(DataText.Page) ?? Title;

    /// <summary>The description in the page's language when the file gives one, else <see cref="Description"/>.</summary>
    public string? PageDescription => Descriptions?.For(DataText.Page) ?? Description;
}

/// <summary>
/// The scenarios the dashboard offers: every replayable file under the scenarios folder (files without a period,
/// meant to be included, are left out). Loads read only files inside that folder, so an upload cannot make the
/// server read anything else through <c>include</c> or <c>base</c>.
/// </summary>
public sealed class ScenarioCatalog
{
    private readonly ILogger<ScenarioCatalog> logger;
    private readonly Lock gate = new();
    private (string Stamp, IReadOnlyList<CatalogEntry> Entries)? listing;

    public ScenarioCatalog(IOptions<RelationsOptions> options, ILogger<ScenarioCatalog> logger)
    {
        this.logger = logger;
        Root = ScenarioFolder.Locate(options.Value.Scenarios);
    }

    /// <summary>The scenarios folder, a full path; variant bases and includes of uploads resolve against it.</summary>
    public string Root { get; }

    /// <summary>Scenarios first, then variants, each by path; read again when a file has changed.</summary>
    public IReadOnlyList<CatalogEntry> Entries
    {
        get
        {
            var files = Files();
            var stamp = string.Join('|', files.Select(f => $"{f}:{File.GetLastWriteTimeUtc(f).Ticks}"));
            lock (gate)
            {
                if (listing is { } known && known.Stamp == stamp)
                    return known.Entries;
                var entries = Read(files);
                listing = (stamp, entries);
                return entries;
            }
        }
    }

    public CatalogEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>Loads a catalogue file afresh for a replay.</summary>
    /// <exception cref="ScenarioException">The file has changed and is broken now.</exception>
    public Scenario Load(CatalogEntry entry) => LoadWithSource(entry).Scenario;

    /// <summary>
    /// Loads a catalogue file afresh, with the text of every file read: a run stores that source (as the CLI's runs
    /// do) rather than its parsed scenario, which is several times larger and could pass the storage entity's limit.
    /// </summary>
    /// <exception cref="ScenarioException">The file has changed and is broken now.</exception>
    public (Scenario Scenario, ScenarioSource Source) LoadWithSource(CatalogEntry entry)
    {
        var loader = NewLoader();
        var full = FullPath(entry.Path);
        var scenario = loader.Load(full);
        return (scenario, ScenarioSource.FromFiles(full, loader));
    }

    /// <summary>Checks an uploaded scenario or variant as if it were the file <paramref name="name"/> in the scenarios folder.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> (the request's time budget) ended the check.</exception>
    public (Scenario? Scenario, IReadOnlyList<Problem> Problems) CheckText(string name, string text, CancellationToken cancellation = default)
    {
        var (scenario, _, problems) = CheckTextWithSource(name, text, cancellation);
        return (scenario, problems);
    }

    /// <summary>As <see cref="CheckText"/>, with the source (the text and every file it includes) a run stores.</summary>
    public (Scenario? Scenario, ScenarioSource? Source, IReadOnlyList<Problem> Problems) CheckTextWithSource(string name, string text, CancellationToken cancellation = default)
    {
        var loader = NewLoader(cancellation);
        var (scenario, problems) = loader.CheckText(name, text, Root);
        return (scenario, scenario is null ? null : ScenarioSource.FromFiles(Path.Combine(Root, name), loader), problems);
    }

    /// <summary>A path relative to the scenarios folder, with '/' separators, as variant files name their base.</summary>
    public string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private string FullPath(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    private ScenarioLoader NewLoader(CancellationToken cancellation = default) => new(ReadInside, cancellation);

    private byte[] ReadInside(string fullPath)
    {
        var full = Path.GetFullPath(fullPath);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnauthorizedAccessException("only files inside the scenarios folder can be included or named as a base");
        return ScenarioFileReader.Read(full);
    }

    private string[] Files() =>
        [.. Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

    private List<CatalogEntry> Read(IEnumerable<string> files)
    {
        var loader = NewLoader();
        var entries = new List<CatalogEntry>();
        foreach (var file in files)
        {
            var (scenario, problems) = loader.Check(file);
            if (problems.Count > 0)
            {
                logger.LogWarning("{File} is left out of the scenario list: {Problem}", file, problems[0]);
                continue;
            }
            if (scenario is null)
                continue;
            if (entries.Any(e => e.Id == scenario.Id))
            {
                logger.LogWarning("{File} is left out of the scenario list: the id {Id} is taken", file, scenario.Id);
                continue;
            }
            entries.Add(new CatalogEntry(scenario.Id, scenario.Title, scenario.Description, RelativePath(file),
                scenario.BaseId is not null, scenario.BaseId, scenario.Events.Count, scenario.Actors.Count)
            {
                Titles = scenario.Titles, Descriptions = scenario.Descriptions,
            });
        }
        return [.. entries.OrderBy(e => e.IsVariant).ThenBy(e => e.Path.Count(c => c == '/')).ThenBy(e => e.Path, StringComparer.Ordinal)];
    }
}
