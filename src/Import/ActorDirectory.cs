using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The actors an import may name, read from ACTORS.csv or an <c>actors</c> sheet (<c>id, kind, country, parent,
/// name, name_en, name_zh</c>; <c>code</c>: the codes, names or countries that stand for the actor in a coded event
/// file, separated by <c>;</c>; <c>places</c>: the places, separated by <c>;</c>, where an event's actor is this one).
/// </summary>
public sealed class ActorDirectory
{
    public static readonly string[] Columns = ["id", "kind", "country", "parent", "name", "name_en", "name_zh", "code", "places"];

    /// <summary>An actor that a code stands for: its position in the file, its folded places, its depth in the tree.</summary>
    private sealed record Entry(string Id, int Order, string[] Places)
    {
        public int Depth { get; set; }
    }

    private readonly Dictionary<string, List<Entry>> byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Actor> byId = new(StringComparer.Ordinal);

    public static ActorDirectory Empty { get; } = new([]);

    private ActorDirectory(List<Actor> actors) => Actors = actors;

    public IReadOnlyList<Actor> Actors { get; }

    public bool Declares(string id) => byId.ContainsKey(id);

    /// <summary>Whether <paramref name="ancestor"/> is a parent, grandparent, … of <paramref name="id"/>.</summary>
    public bool IsAncestor(string ancestor, string id)
    {
        for (var current = byId.GetValueOrDefault(id)?.Parent; current is not null; current = byId.GetValueOrDefault(current)?.Parent)
        {
            if (current == ancestor)
                return true;
        }
        return false;
    }

    /// <summary>Whether some actor lists this text in its <c>code</c> column: a row naming none of them is skipped cheaply.</summary>
    public bool Lists(string code) => code.Length > 0 && byCode.ContainsKey(code);

    /// <summary>
    /// The actor standing for one side of a coded event (the rule of README "Bring your own events"): of the actors
    /// whose <c>code</c> lists the side's code, name or country, the most specific (deepest in the actor tree, then
    /// first in the file) whose <c>places</c> hold a place of the side's own geography; failing that, of the action's;
    /// failing that, the actor listing the code (else the name, else the country) that has no places; failing that,
    /// the actor whose id is the code in lower case. Null, with the reason, when none fits.
    /// </summary>
    public string? Resolve(CodedActor side, out string? failure)
    {
        failure = null;
        Entry? best = null;
        var placed = false;
        foreach (var places in (IReadOnlyList<string>[])[side.OwnPlaces, side.ActionPlaces])
        {
            if (places.Count == 0)
                continue;
            var folded = places.Select(PlaceNames.Fold).ToArray();
            foreach (var entry in Candidates(side).Where(e => e.Entry.Places.Length > 0).Select(e => e.Entry))
            {
                placed = true;
                if ((best is null || entry.Depth > best.Depth || entry.Depth == best.Depth && entry.Order < best.Order)
                    && entry.Places.Any(p => folded.Any(f => PlaceNames.Matches(p, f))))
                    best = entry;
            }
            if (best is not null)
                return best.Id;
        }
        foreach (var (entry, _) in Candidates(side))
        {
            if (entry.Places.Length == 0)
                return entry.Id;
            placed = true;
        }
        var derived = side.Code.ToLowerInvariant();
        if (side.Code.Length > 0 && Declares(derived))
            return derived;
        var where = side.OwnPlaces.Concat(side.ActionPlaces).FirstOrDefault(p => p.Length > 0);
        failure = side.Code.Length == 0 && side.Name.Length == 0 && side.Country.Length == 0
            ? $"{side.Field} is empty; the event has no actor to place it on"
            : placed
                ? $"{side.Field} '{side.Display}' is listed only by actors with places, and none of them holds the event's place{(where is null ? " (the row gives none)" : $" '{where}'")}: add the place to one, or list the code on an actor without places"
                : $"{side.Field} '{side.Display}'{(side.Country.Length > 0 && side.Country != side.Code ? $" of {side.Country}" : "")} is not mapped to an actor: add it to the 'code' column of the actors"
                    + (Ids.IsValid(derived) ? $", or declare an actor with the id '{derived}'" : "");
        return null;
    }

    /// <summary>The entries listing the side's code, name or country, in that order of rank.</summary>
    private IEnumerable<(Entry Entry, int Rank)> Candidates(CodedActor side)
    {
        var rank = 0;
        foreach (var key in (string[])[side.Code, side.Name, side.Country])
        {
            if (key.Length > 0 && byCode.TryGetValue(key, out var entries))
            {
                foreach (var entry in entries)
                    yield return (entry, rank);
            }
            rank++;
        }
    }

    public static ActorDirectory Read(ImportTable table, List<Problem> problems)
    {
        var header = HeaderRow.Read(table, Columns, "actors", problems);
        foreach (var required in (string[])["id", "kind"])
        {
            if (header.Present && !header.Has(required))
                problems.Add(table.Problem(1, 1, $"the actors need a column '{required}'"));
        }
        var actors = new List<Actor>();
        var directory = new ActorDirectory(actors);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var parents = new List<(ImportRow Row, string Parent)>();
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var placeless = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in header.DataRows())
        {
            var before = problems.Count;
            var id = header.Cell(row, "id");
            if (!Ids.IsValid(id))
                problems.Add(header.Problem(row, "id", $"'{id}' is not a valid id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit"));
            else if (!rows.TryAdd(id, row.Number))
                problems.Add(header.Problem(row, "id", $"actor '{id}' is declared twice (also row {rows[id]})"));
            var kind = header.Cell(row, "kind").ToLowerInvariant();
            if (!ScenarioReader.ActorKinds.Contains(kind))
                problems.Add(header.Problem(row, "kind", $"'{kind}' is not an actor kind; use one of {string.Join(", ", ScenarioReader.ActorKinds)}"));
            var country = header.Cell(row, "country").ToUpperInvariant();
            var parent = header.Cell(row, "parent");
            if (country.Length > 0 && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
                problems.Add(header.Problem(row, "country", $"'{country}' is not an ISO 3166-1 alpha-2 code such as VN, CN or LA"));
            if (country.Length == 0 && parent.Length == 0)
                problems.Add(header.Problem(row, "country", "give a country (such as VN) or a parent to inherit it from"));
            if (parent == id && parent.Length > 0)
                problems.Add(header.Problem(row, "parent", "an actor cannot be its own parent"));
            var places = Split(header.Cell(row, "places"));
            var folded = places.Select(PlaceNames.Fold).Where(p => p.Trim().Length > 0).Distinct().ToArray();
            if (places.Length > 0 && folded.Length == 0)
                problems.Add(header.Problem(row, "places", "the places hold no letter or digit"));
            var entry = new Entry(id, actors.Count, folded);
            foreach (var code in Split(header.Cell(row, "code")))
            {
                if (folded.Length == 0 && !placeless.TryAdd(code, id))
                {
                    problems.Add(header.Problem(row, "code", $"code '{code}' already stands for actor '{placeless[code]}', which has no places either; give one of them places"));
                    continue;
                }
                foreach (var place in folded)
                {
                    var key = code.ToUpperInvariant() + "\n" + place;
                    if (entries.TryGetValue(key, out var other) && other.Id != id)
                        problems.Add(header.Problem(row, "places", $"code '{code}' at place '{place.Trim()}' already stands for actor '{other.Id}'"));
                    entries.TryAdd(key, entry);
                }
                if (!directory.byCode.TryGetValue(code, out var list))
                    directory.byCode[code] = list = [];
                if (!list.Contains(entry))
                    list.Add(entry);
            }
            if (parent.Length > 0)
                parents.Add((row, parent));
            if (problems.Count > before)
                continue;
            var names = new List<KeyValuePair<string, string>>();
            foreach (var language in (string[])["en", "zh"])
            {
                if (header.Cell(row, $"name_{language}") is { Length: > 0 } translated)
                    names.Add(new(language, translated));
            }
            var actor = new Actor(id, kind, country.Length > 0 ? country : null, NullIfEmpty(header.Cell(row, "name")),
                names.ToValueList(), NullIfEmpty(parent), ValueList<string>.Empty, null, null, Origin.None);
            actors.Add(actor);
            directory.byId[id] = actor;
        }
        foreach (var (row, parent) in parents)
        {
            if (!rows.ContainsKey(parent))
                problems.Add(header.Problem(row, "parent", $"parent '{parent}' is not declared in the actors"));
        }
        foreach (var entry in directory.byCode.Values.SelectMany(l => l).Distinct())
            entry.Depth = directory.Depth(entry.Id);
        return directory;
    }

    /// <summary>How many ancestors an actor has (0 for a country-level actor); a cycle stops at the actor count.</summary>
    private int Depth(string id)
    {
        var depth = 0;
        for (var current = byId.GetValueOrDefault(id)?.Parent; current is not null && depth <= byId.Count; current = byId.GetValueOrDefault(current)?.Parent)
            depth++;
        return depth;
    }

    private static string[] Split(string cell) => cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
