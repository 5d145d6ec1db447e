using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>
/// Turns one loaded YAML file into a <see cref="ScenarioDocument"/> or <see cref="VariantDocument"/>, checking
/// everything that can be checked inside the file: fields, types, dates, ids. Cross-file rules (references,
/// merges, cycles) are <see cref="ScenarioValidator"/>'s.
/// </summary>
internal static partial class ScenarioReader
{
    public static readonly string[] ActorKinds =
        ["province", "region", "district", "city", "county", "commune", "village", "border-post", "organization"];

    private static readonly string[] ModeWords = ["in-person", "online"];

    private static readonly string[] ScenarioFields =
        ["id", "title", "description", "titles", "descriptions", "period", "include", "model", "sources", "conventions", "actors", "relationships", "interruptions", "events"];

    private static readonly string[] VariantFields = ["variant", "title", "description", "base", "changes"];

    public static object? ReadDocument(YamlTreeNode root, string path, ProblemSink sink)
    {
        if (root is YamlTreeMapping map && map.Entries.Any(e => e.Key.Value == "variant"))
            return ReadVariant(root, path, sink);
        return ReadScenario(root, path, sink);
    }

    private static ScenarioDocument? ReadScenario(YamlTreeNode root, string path, ProblemSink sink)
    {
        var m = sink.Mapping(root, "a scenario", ScenarioFields);
        if (m is null)
            return null;
        var id = sink.Id(m.Required("id"), "the scenario id");
        var title = sink.Text(m.Field("title"), "'title'");
        var description = sink.Text(m.Field("description"), "'description'");
        var titles = ReadLanguageTexts(m.Field("titles"), "titles", sink);
        var descriptions = ReadLanguageTexts(m.Field("descriptions"), "descriptions", sink);
        var period = ReadPeriod(m.Field("period"), sink);
        if (period is null && m.Origin.Has("period") && m.Field("period") is null)
            sink.Problems.Add(new Problem(m.Origin["period"], "'period' is empty: write period: { from: YYYY-MM-DD, to: YYYY-MM-DD }, or leave it out in a file meant to be included"));

        var includes = new List<IncludeReference>();
        if (sink.Sequence(m.Field("include"), "'include'") is { } includeList)
        {
            foreach (var item in includeList.Items)
            {
                if (sink.PathText(item, "an entry of 'include'") is { } includePath)
                    includes.Add(new IncludeReference(includePath, new Origin(sink.At(item))));
            }
        }

        var model = ReadModel(m.Field("model"), sink);
        var sources = ReadList(m.Field("sources"), "sources", sink, ReadSource);
        var conventions = ReadList(m.Field("conventions"), "conventions", sink, ReadConvention);
        var actors = ReadList(m.Field("actors"), "actors", sink, ReadActor);
        var relationships = ReadList(m.Field("relationships"), "relationships", sink, ReadRelationship);
        var interruptions = ReadList(m.Field("interruptions"), "interruptions", sink, ReadInterruption);
        var events = ReadEvents(m.Field("events"), sink);

        sink.RejectDuplicateIds(sources, s => s.Id, s => s.Origin, "source");
        sink.RejectDuplicateIds(conventions, c => c.Id, c => c.Origin, "convention");
        sink.RejectDuplicateIds(actors, a => a.Id, a => a.Origin, "actor");
        sink.RejectDuplicateIds(interruptions, i => i.Id, i => i.Origin, "interruption");
        sink.RejectDuplicateIds(events, e => e.Id, e => e.Origin, "event");

        // A file with a broken id still yields its declarations, so every other problem is found in the same pass.
        return new ScenarioDocument(
            path, id ?? "", title, description, period, includes.ToValueList(), model,
            sources.ToValueList(), actors.ToValueList(), relationships.ToValueList(),
            interruptions.ToValueList(), events.ToValueList(), m.Origin)
        {
            Conventions = conventions.ToValueList(), Titles = titles, Descriptions = descriptions,
        };
    }

    /// <summary>
    /// <c>titles:</c> or <c>descriptions:</c> (format 1.2, optional): a mapping of language code (vi, en) to text.
    /// </summary>
    private static LanguageTexts? ReadLanguageTexts(YamlTreeNode? node, string field, ProblemSink sink)
    {
        if (node is YamlTreeScalar { IsNull: true })
            return null;
        var m = sink.Mapping(node, $"'{field}' (a language code, vi or en, to its text)", LanguageTexts.Languages);
        if (m is null)
            return null;
        var vi = sink.Text(m.Field("vi"), $"'{field}.vi'");
        var en = sink.Text(m.Field("en"), $"'{field}.en'");
        return vi is null && en is null ? null : new LanguageTexts(vi, en);
    }

    private static VariantDocument? ReadVariant(YamlTreeNode root, string path, ProblemSink sink)
    {
        var m = sink.Mapping(root, "a variant", VariantFields)!;
        var id = sink.Id(m.Required("variant"), "the variant id");
        var title = sink.Text(m.Field("title"), "'title'");
        var description = sink.Text(m.Field("description"), "'description'");
        var baseNode = m.Required("base");
        var basePath = sink.PathText(baseNode, "'base'");
        var changes = ReadChanges(m.Field("changes"), sink);
        if (basePath is null)
            return null;
        return new VariantDocument(path, id ?? "", title, description, new IncludeReference(basePath, new Origin(sink.At(baseNode!))), changes, m.Origin);
    }

    private static VariantChanges ReadChanges(YamlTreeNode? node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "'changes'", "remove", "move", "add", "model");
        if (m is null)
            return new VariantChanges([], [], [], [], null);

        var remove = new List<IdReference>();
        if (sink.Sequence(m.Field("remove"), "'remove'") is { } removeList)
        {
            foreach (var item in removeList.Items)
            {
                if (sink.Id(item, "an entry of 'remove'") is { } removed)
                    remove.Add(new IdReference(removed, new Origin(sink.At(item))));
            }
        }

        var moves = ReadList(m.Field("move"), "move", sink, (item, s) =>
        {
            var mv = s.Mapping(item, "a move", "id", "from", "to", "date");
            if (mv is null)
                return null;
            var id = s.Id(mv.Required("id"), "the moved id");
            var from = s.Date(mv.Field("from"), "'from'");
            var to = s.Date(mv.Field("to"), "'to'");
            var date = ReadEventDate(mv.Field("date"), s);
            if (!mv.Has("from") && !mv.Has("to") && !mv.Has("date"))
                s.Report(mv.Node, "a move needs new dates: 'from' and/or 'to' for an interruption, 'date' for an event");
            if (mv.Has("date") && (mv.Has("from") || mv.Has("to")))
                s.Report(mv.Node, "a move gives either 'date' (an event) or 'from'/'to' (an interruption), not both");
            return id is null ? null : new Move(id, from, to, date, mv.Origin);
        });

        var events = new List<ScenarioEvent>();
        var interruptions = new List<Interruption>();
        if (sink.Mapping(m.Field("add"), "'add'", "events", "interruptions") is { } add)
        {
            events = ReadEvents(add.Field("events"), sink, idPrefix: "added-e");
            interruptions = ReadList(add.Field("interruptions"), "interruptions", sink, ReadInterruption);
            sink.RejectDuplicateIds(events, e => e.Id, e => e.Origin, "event");
            sink.RejectDuplicateIds(interruptions, i => i.Id, i => i.Origin, "interruption");
        }

        return new VariantChanges(remove.ToValueList(), moves.ToValueList(), events.ToValueList(), interruptions.ToValueList(), ReadModel(m.Field("model"), sink));
    }

    private static Period? ReadPeriod(YamlTreeNode? node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "'period'", "from", "to");
        if (m is null)
            return null;
        var from = sink.Date(m.Required("from"), "'period.from'");
        var to = sink.Date(m.Required("to"), "'period.to'");
        if (from is null || to is null)
            return null;
        if (to < from)
        {
            sink.Report(m.Field("to")!, $"'period.to' ({to:yyyy-MM-dd}) is before 'period.from' ({from:yyyy-MM-dd})");
            return null;
        }
        return new Period(from.Value, to.Value);
    }

    private static ModelOverrides? ReadModel(YamlTreeNode? node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "'model'", [.. ModelParameters.Table.Select(p => p.Key), "weights"]);
        if (m is null)
            return null;

        // Every parameter read by its row of the table (its range; a whole number where it must be), as --set reads it.
        var values = new List<KeyValuePair<string, double>>();
        foreach (var parameter in ModelParameters.Table)
        {
            if (sink.Parameter(m.Field(parameter.Key), $"'model.{parameter.Key}'", parameter) is { } value)
                values.Add(new(parameter.Key, value));
        }

        var weights = new List<KeyValuePair<string, double>>();
        if (sink.Mapping(m.Field("weights"), "'model.weights'", [.. Weightable(m.Field("weights"))]) is { } w)
        {
            foreach (var (key, value) in w.Node.Entries)
            {
                if (sink.Id(key, "an event kind") is { } kind && sink.Number(value, $"the weight of '{kind}'", ModelParameters.WeightRange) is { } weight)
                    weights.Add(new(kind, weight));
            }
        }
        return new ModelOverrides(values.ToValueList(), weights.ToValueList(), m.Origin);
    }

    /// <summary>Every key of a weights mapping is allowed: it names a kind, overriding or adding it.</summary>
    private static IEnumerable<string> Weightable(YamlTreeNode? node) =>
        node is YamlTreeMapping map ? map.Entries.Select(e => e.Key.Value) : [];

    private static List<T> ReadList<T>(YamlTreeNode? node, string what, ProblemSink sink, Func<YamlTreeNode, ProblemSink, T?> read)
        where T : class
    {
        var result = new List<T>();
        if (sink.Sequence(node, $"'{what}'") is not { } seq)
            return result;
        foreach (var item in seq.Items)
        {
            if (read(item, sink) is { } value)
                result.Add(value);
        }
        return result;
    }

    private static Source? ReadSource(YamlTreeNode node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "a source", "id", "title", "publisher", "published", "url");
        if (m is null)
            return null;
        var id = sink.Id(m.Required("id"), "the source id");
        var title = sink.Text(m.Required("title"), "'title'");
        var publisher = sink.Text(m.Field("publisher"), "'publisher'");
        var published = sink.Date(m.Field("published"), "'published'");
        var url = sink.Text(m.Field("url"), "'url'");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            sink.Report(m.Field("url")!, $"'url' '{url}' is not an http or https address");
        return id is null || title is null ? null : new Source(id, title, publisher, published, url, m.Origin);
    }

    private static Convention? ReadConvention(YamlTreeNode node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "a convention", "id", "title", "text");
        if (m is null)
            return null;
        var id = sink.Id(m.Required("id"), "the convention id");
        var title = sink.Text(m.Required("title"), "'title'");
        var text = sink.Text(m.Required("text"), "'text'");
        return id is null || title is null || text is null ? null : new Convention(id, title, text, m.Origin);
    }

    private static Actor? ReadActor(YamlTreeNode node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "an actor", "id", "kind", "country", "name", "names", "parent", "source", "certainty", "note", "convention");
        if (m is null)
            return null;
        var id = sink.Id(m.Required("id"), "the actor id");
        var kind = sink.OneOf(m.Required("kind"), "the actor kind", ActorKinds);
        string? country = null;
        if (sink.Text(m.Field("country"), "'country'") is { } c)
        {
            if (c.Length == 2 && c.All(char.IsAsciiLetterUpper))
                country = c;
            else
                sink.Report(m.Field("country")!, $"'country' '{c}' is not an ISO 3166-1 alpha-2 code such as VN, CN or LA");
        }
        var name = sink.Text(m.Field("name"), "'name'");
        var names = new List<KeyValuePair<string, string>>();
        if (m.Field("names") is { } namesNode)
        {
            if (namesNode is YamlTreeMapping namesMap)
            {
                foreach (var (language, value) in namesMap.Entries)
                {
                    if (language.Value.Length is < 2 or > 8 || !language.Value.All(char.IsAsciiLetterLower))
                        sink.Report(language, $"'{language.Value}' is not a language code such as vi, en or zh");
                    else if (sink.Text(value, $"the {language.Value} name") is { } text)
                        names.Add(new(language.Value, text));
                }
            }
            else
            {
                sink.Report(namesNode, $"'names' must be a mapping of language to name, such as {{ vi: \"Lào Cai\", en: \"Lao Cai\" }}, not {namesNode.Describe()}");
            }
        }
        var parent = sink.Id(m.Field("parent"), "'parent'");
        var sources = ReadSourceIds(m, sink, required: false);
        var certainty = ReadCertainty(m.Field("certainty"), sink);
        var note = sink.Text(m.Field("note"), "'note'");
        var conventions = ReadConventionIds(m, sink);
        return id is null || kind is null ? null
            : new Actor(id, kind, country, name, names.ToValueList(), parent, sources ?? [], certainty, note, m.Origin) { Conventions = conventions };
    }

    private static RelationshipDeclaration? ReadRelationship(YamlTreeNode node, ProblemSink sink)
    {
        if (node is not YamlTreeSequence { Items.Count: 2 } pair || pair.Items.Any(i => i is not YamlTreeScalar))
        {
            sink.Report(node, "a relationship is a pair of actor ids, such as [lao-cai-city, hekou]");
            return null;
        }
        var a = sink.Id(pair.Items[0], "an actor");
        var b = sink.Id(pair.Items[1], "an actor");
        var origin = new Origin(sink.At(node));
        origin.Set("a", sink.At(pair.Items[0]));
        origin.Set("b", sink.At(pair.Items[1]));
        return a is null || b is null ? null : new RelationshipDeclaration(a, b, origin);
    }

    private static Interruption? ReadInterruption(YamlTreeNode node, ProblemSink sink)
    {
        var m = sink.Mapping(node, "an interruption",
            "id", "from", "to", "scope", "source", "title", "certainty", "note", "cancels", "decayMultiplier", "convention");
        if (m is null)
            return null;
        var id = sink.Id(m.Required("id"), "the interruption id");
        var from = sink.Date(m.Required("from"), "'from'");
        var to = sink.Date(m.Required("to"), "'to'");
        if (from is not null && to is not null && to < from)
            sink.Report(m.Field("to")!, $"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd})");
        var scope = ReadScope(m.Field("scope"), sink);
        var sources = ReadSourceIds(m, sink, required: false);
        var title = sink.Text(m.Field("title"), "'title'");
        var certainty = ReadCertainty(m.Field("certainty"), sink);
        var note = sink.Text(m.Field("note"), "'note'");
        var cancels = sink.Number(m.Field("cancels"), "'cancels'");
        if (cancels is < 0 or > 1)
        {
            sink.Report(m.Field("cancels")!, $"'cancels' is the share of in-person activity stopped: a number from 0 to 1, not {cancels.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            cancels = null;
        }
        var multiplier = sink.Number(m.Field("decayMultiplier"), "'decayMultiplier'");
        if (multiplier is < 1)
        {
            sink.Report(m.Field("decayMultiplier")!, $"'decayMultiplier' must be at least 1 (ties never fade slower inside an interruption), not {multiplier.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            multiplier = null;
        }
        else if (multiplier > Bounds.DecayMultiplier.Max)
        {
            sink.Report(m.Field("decayMultiplier")!, $"'decayMultiplier' must be from {Bounds.DecayMultiplier}, not {multiplier.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            multiplier = null;
        }
        return id is null || from is null || to is null || scope is null ? null
            : new Interruption(id, from.Value, to.Value, scope, sources ?? [], title, certainty, note, m.Origin)
            {
                Cancels = cancels ?? 1.0,
                DecayMultiplier = multiplier,
                Conventions = ReadConventionIds(m, sink),
            };
    }

    private static InterruptionScope? ReadScope(YamlTreeNode? node, ProblemSink sink)
    {
        // The spec writes `scope: all` in its example; a missing scope reads as `all`.
        if (node is null)
            return InterruptionScope.Everything;
        if (node is YamlTreeScalar s)
        {
            if (s.Value == "all")
                return InterruptionScope.Everything;
            sink.Report(node, $"'scope' '{s.Value}' must be 'all', {{ countries: [..] }} or {{ actors: [..] }}");
            return null;
        }
        var m = sink.Mapping(node, "'scope'", "countries", "actors");
        if (m is null)
            return null;
        var countries = new List<string>();
        if (sink.Sequence(m.Field("countries"), "'scope.countries'") is { } list)
        {
            foreach (var item in list.Items)
            {
                var code = sink.Text(item, "a country");
                if (code is { Length: 2 } && code.All(char.IsAsciiLetterUpper))
                    countries.Add(code);
                else if (code is not null)
                    sink.Report(item, $"'{code}' is not an ISO 3166-1 alpha-2 country code such as VN, CN or LA");
            }
        }
        var actors = sink.IdList(m.Field("actors"), "scope.actors");
        if (!m.Has("countries") && !m.Has("actors"))
        {
            sink.Report(node, "'scope' needs 'countries' or 'actors' (or write scope: all)");
            return null;
        }
        return new InterruptionScope(false, countries.ToValueList(), actors.ToValueList());
    }

    /// <summary>
    /// <c>source</c>: one source id, or (format 1.1) a list of them; each entry's position is kept as
    /// <c>source#i</c> in the origin so that an undeclared one is reported where it stands. Null when absent.
    /// </summary>
    private static ValueList<string>? ReadSourceIds(MappingReader m, ProblemSink sink, bool required) =>
        ReadIdOrList(m, sink, "source", "source", "[laocai-2023, vtv-2024]", required);

    /// <summary><c>convention</c> (format 1.2): one convention id or a list, kept as <c>convention#i</c>; empty when absent.</summary>
    private static ValueList<string> ReadConventionIds(MappingReader m, ProblemSink sink) =>
        ReadIdOrList(m, sink, "convention", "convention", "[existing-tie, regular-exchanges]", required: false) ?? ValueList<string>.Empty;

    private static ValueList<string>? ReadIdOrList(MappingReader m, ProblemSink sink, string field, string what, string example, bool required)
    {
        var node = required ? m.Required(field) : m.Field(field);
        if (node is null)
            return null;
        if (node is YamlTreeScalar)
        {
            var one = sink.Id(node, $"'{field}'");
            if (one is null)
                return null;
            m.Origin.Set($"{field}#0", sink.At(node));
            return [one];
        }
        if (node is not YamlTreeSequence list)
        {
            sink.Report(node, $"'{field}' is one {what} id or a list of them, such as {example}, not {node.Describe()}");
            return null;
        }
        if (list.Items.Count == 0)
        {
            sink.Report(node, $"'{field}' names at least one {what}");
            return null;
        }
        var ids = new List<string>();
        foreach (var item in list.Items)
        {
            if (sink.Id(item, $"an entry of '{field}'") is not { } id)
                continue;
            if (ids.Contains(id))
            {
                sink.Report(item, $"{what} '{id}' is named twice in '{field}'");
                continue;
            }
            m.Origin.Set($"{field}#{ids.Count}", sink.At(item));
            ids.Add(id);
        }
        return ids.Count == list.Items.Count ? ids.ToValueList() : null;
    }

    private static Certainty? ReadCertainty(YamlTreeNode? node, ProblemSink sink, string field = "certainty") =>
        CertaintyWords.Parse(sink.OneOf(node, $"'{field}'", CertaintyWords.All));
}
