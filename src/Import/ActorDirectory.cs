using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The actors an import may name, read from ACTORS.csv or an <c>actors</c> sheet (<c>id, kind, country, parent,
/// name, name_en, name_zh</c>, and <c>code</c>: the CAMEO actor codes or GDELT actor names, separated by <c>;</c>,
/// that stand for the actor in a coded event file).
/// </summary>
public sealed class ActorDirectory
{
    public static readonly string[] Columns = ["id", "kind", "country", "parent", "name", "name_en", "name_zh", "code"];

    private readonly Dictionary<string, string> byCode = new(StringComparer.OrdinalIgnoreCase);

    public static ActorDirectory Empty { get; } = new([]);

    private ActorDirectory(List<Actor> actors) => Actors = actors;

    public IReadOnlyList<Actor> Actors { get; }

    public bool Declares(string id) => Actors.Any(a => a.Id == id);

    /// <summary>
    /// The actor standing for a coded event's actor: the one whose <c>code</c> lists the code (or else the name),
    /// or else the one whose id is the code in lower case.
    /// </summary>
    public string? Resolve(string code, string name)
    {
        if (code.Length > 0 && byCode.TryGetValue(code, out var id))
            return id;
        if (name.Length > 0 && byCode.TryGetValue(name, out id))
            return id;
        var derived = code.ToLowerInvariant();
        return code.Length > 0 && Declares(derived) ? derived : null;
    }

    public static ActorDirectory Read(ImportTable table, List<Problem> problems)
    {
        var header = HeaderRow.Read(table, Columns, "actors", problems);
        foreach (var required in (string[])["id", "kind"])
        {
            if (table.Rows.Count > 0 && !header.Has(required))
                problems.Add(table.Problem(1, 1, $"the actors need a column '{required}'"));
        }
        var actors = new List<Actor>();
        var directory = new ActorDirectory(actors);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in header.DataRows)
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
            foreach (var code in header.Cell(row, "code").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!directory.byCode.TryAdd(code, id))
                    problems.Add(header.Problem(row, "code", $"code '{code}' already stands for actor '{directory.byCode[code]}'"));
            }
            if (problems.Count > before)
                continue;
            var names = new List<KeyValuePair<string, string>>();
            foreach (var language in (string[])["en", "zh"])
            {
                if (header.Cell(row, $"name_{language}") is { Length: > 0 } translated)
                    names.Add(new(language, translated));
            }
            actors.Add(new Actor(id, kind, country.Length > 0 ? country : null, NullIfEmpty(header.Cell(row, "name")),
                names.ToValueList(), NullIfEmpty(parent), ValueList<string>.Empty, null, null, Origin.None));
        }
        foreach (var row in header.DataRows)
        {
            var parent = header.Cell(row, "parent");
            if (parent.Length > 0 && !rows.ContainsKey(parent))
                problems.Add(header.Problem(row, "parent", $"parent '{parent}' is not declared in the actors"));
        }
        return directory;
    }

    internal static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
