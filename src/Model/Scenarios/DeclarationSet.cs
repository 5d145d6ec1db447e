namespace Relations.Model.Scenarios;

/// <summary>
/// Declarations merged from a file and its includes: the same id declared twice with identical content counts
/// once; with different content it is a problem (scenario-format.md, include rule).
/// </summary>
internal sealed class DeclarationSet
{
    private readonly Dictionary<string, (Source Item, Origin Origin)> sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Convention Item, Origin Origin)> conventions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Actor Item, Origin Origin)> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Interruption Item, Origin Origin)> interruptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ScenarioEvent Item, Origin Origin)> events = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> relationshipKeys = [];

    public List<Source> Sources { get; } = [];
    public List<Convention> Conventions { get; } = [];
    public List<Actor> Actors { get; } = [];
    public List<RelationshipDeclaration> Relationships { get; } = [];
    public List<Interruption> Interruptions { get; } = [];
    public List<ScenarioEvent> Events { get; } = [];

    /// <param name="included">
    /// Whether the document is included rather than replayed: its events without an id are then named
    /// "{file id}.e{n}", so unnamed events of two files never clash and stay unique in the scenario.
    /// </param>
    public void Add(ScenarioDocument document, bool included, List<Problem> problems)
    {
        foreach (var source in document.Sources)
            AddOne(sources, Sources, source, source.Id, source.Origin, "source", problems);
        foreach (var convention in document.Conventions)
            AddOne(conventions, Conventions, convention, convention.Id, convention.Origin, "convention", problems);
        foreach (var actor in document.Actors)
            AddOne(actors, Actors, actor, actor.Id, actor.Origin, "actor", problems);
        foreach (var interruption in document.Interruptions)
            AddOne(interruptions, Interruptions, interruption, interruption.Id, interruption.Origin, "interruption", problems);
        foreach (var ev in document.Events)
        {
            var named = included && !ev.HasExplicitId ? ev with { Id = $"{document.Id}.{ev.Id}" } : ev;
            AddOne(events, Events, named, named.Id, named.Origin, "event", problems);
        }
        foreach (var rel in document.Relationships)
        {
            var key = string.CompareOrdinal(rel.A, rel.B) <= 0 ? (rel.A, rel.B) : (rel.B, rel.A);
            if (relationshipKeys.Add(key))
                Relationships.Add(rel);
        }
    }

    private static void AddOne<T>(Dictionary<string, (T Item, Origin Origin)> byId, List<T> list, T item, string id, Origin origin, string what, List<Problem> problems)
        where T : class
    {
        if (byId.TryGetValue(id, out var existing))
        {
            if (!existing.Item.Equals(item))
                problems.Add(new Problem(origin["id"],
                    $"{what} '{id}' is declared again with different content (first at {existing.Origin.Node}); an id names one thing in all included files"));
            return;
        }
        byId[id] = (item, origin);
        list.Add(item);
    }
}
