namespace Relations.Model.Scenarios;

/// <summary>
/// The cross-reference rules of scenario-format.md, checked on a merged set of declarations: every
/// reference names a declared actor, source or convention, parents form no cycle, no actor is in a dyad with itself,
/// every event kind is known to the model, terms end after the events that start them.
/// </summary>
internal static class ScenarioValidator
{
    public static void Check(
        IReadOnlyList<Source> sources,
        IReadOnlyList<Actor> actors,
        IReadOnlyList<RelationshipDeclaration> relationships,
        IReadOnlyList<Interruption> interruptions,
        IReadOnlyList<ScenarioEvent> events,
        ModelParameters model,
        List<Problem> problems,
        IReadOnlyList<Convention> conventions)
    {
        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var conventionIds = conventions.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var actorById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);

        void RequireSources(ValueList<string> ids, Origin origin)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!sourceIds.Contains(ids[i]))
                    problems.Add(new Problem(origin.Has($"source#{i}") ? origin[$"source#{i}"] : origin["source"], $"source '{ids[i]}' is not declared under 'sources'"));
            }
        }

        void RequireConventions(ValueList<string> ids, Origin origin)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!conventionIds.Contains(ids[i]))
                    problems.Add(new Problem(origin[$"convention#{i}"], $"convention '{ids[i]}' is not declared under 'conventions'"));
            }
        }

        void RequireActor(string id, Origin origin, string field)
        {
            if (!actorById.ContainsKey(id))
                problems.Add(new Problem(origin[field], $"actor '{id}' is not declared under 'actors'"));
        }

        foreach (var actor in actors)
        {
            RequireSources(actor.Sources, actor.Origin);
            RequireConventions(actor.Conventions, actor.Origin);
            if (actor.Parent is not null)
            {
                RequireActor(actor.Parent, actor.Origin, "parent");
                if (actor.Parent == actor.Id)
                    problems.Add(new Problem(actor.Origin["parent"], $"actor '{actor.Id}' cannot be its own parent"));
            }
            else if (actor.Country is null)
            {
                problems.Add(new Problem(actor.Origin.Node, $"actor '{actor.Id}' needs a 'country' (or a 'parent' to inherit it from)"));
            }
        }
        ReportParentCycles(actors, actorById, problems);

        foreach (var rel in relationships)
        {
            RequireActor(rel.A, rel.Origin, "a");
            RequireActor(rel.B, rel.Origin, "b");
            if (rel.A == rel.B)
                problems.Add(new Problem(rel.Origin.Node, $"actor '{rel.A}' cannot be in a relationship with itself"));
        }

        foreach (var interruption in interruptions)
        {
            RequireSources(interruption.Sources, interruption.Origin);
            RequireConventions(interruption.Conventions, interruption.Origin);
            foreach (var id in interruption.Scope.Actors)
                RequireActor(id, interruption.Origin, "scope");
        }

        foreach (var ev in events)
        {
            RequireSources(ev.Sources, ev.Origin);
            RequireConventions(ev.Conventions, ev.Origin);
            if (!model.IsKnownKind(ev.Kind))
                problems.Add(new Problem(ev.Origin["kind"],
                    $"event kind '{ev.Kind}' is not known: use one of {KnownKinds(model)}, or add it under model.weights"));
            foreach (var id in ev.SideA.Concat(ev.SideB).Distinct())
                RequireActor(id, ev.Origin, "between");
            foreach (var id in ev.SideA.Intersect(ev.SideB))
                problems.Add(new Problem(ev.Origin["between"], $"actor '{id}' is on both sides of 'between': an actor is never in a dyad with itself"));
            if (ev.Term is not null && !EventKind.HoldsTie(ev.Kind))
                problems.Add(new Problem(ev.Origin["term"], $"'term' belongs only to {EventKind.TieKindNames} events, not '{ev.Kind}'"));
            if (ev.TermCertainty is { } termCertainty)
            {
                if (!EventKind.HoldsTie(ev.Kind))
                    problems.Add(new Problem(ev.Origin["termCertainty"], $"'termCertainty' belongs only to {EventKind.TieKindNames} events, not '{ev.Kind}'"));
                else if (termCertainty < ev.Certainty)
                    problems.Add(PartSurerThanEvent(ev, "termCertainty", termCertainty, "a term"));
            }
            if (ev.DateCertainty is { } dateCertainty && dateCertainty < ev.Certainty)
                problems.Add(PartSurerThanEvent(ev, "dateCertainty", dateCertainty, "a date"));
            if (ev.Term?.Until is { } until && until <= ev.Date.To)
                problems.Add(new Problem(ev.Origin["term"],
                    $"'term.until' ({until:yyyy-MM-dd}) must be after the event's date ({ev.Date.To:yyyy-MM-dd}{(ev.Date.IsRange ? ", the last day of its range" : "")})"));
        }
    }

    private static Problem PartSurerThanEvent(ScenarioEvent ev, string field, Certainty part, string what) =>
        new(ev.Origin[field], $"'{field}' ({CertaintyWords.Name(part)}) cannot be surer than the event's certainty ({CertaintyWords.Name(ev.Certainty)}): {what} is never better known than the event it belongs to");

    /// <summary>The first kinds, enough to remind; a file may add thousands, and this is said once per unknown kind.</summary>
    private static string KnownKinds(ModelParameters model) =>
        string.Join(", ", model.Weights.Take(20).Select(w => w.Key)) + (model.Weights.Count > 20 ? ", …" : "");

    /// <summary>
    /// Reports each parent cycle once, walking every actor's parent chain at most once in all (actors are marked
    /// done as their chain is settled), so a chain of n actors costs n steps, not n².
    /// </summary>
    private static void ReportParentCycles(IReadOnlyList<Actor> actors, Dictionary<string, Actor> byId, List<Problem> problems)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var actor in actors)
            order.TryAdd(actor.Id, order.Count);
        foreach (var actor in actors)
        {
            var path = new List<Actor>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            var current = actor;
            while (!done.Contains(current.Id))
            {
                if (onPath.TryGetValue(current.Id, out var start))
                {
                    // Named from its member declared first, wherever the walk entered it.
                    var members = path.Skip(start).ToList();
                    var firstAt = members.IndexOf(members.MinBy(a => order[a.Id])!);
                    var cycle = members.Skip(firstAt).Concat(members.Take(firstAt)).Select(a => a.Id).ToList();
                    var first = members[firstAt];
                    problems.Add(new Problem(first.Origin["parent"], $"parents form a cycle: {string.Join(" → ", cycle.Append(first.Id))}"));
                    break;
                }
                onPath[current.Id] = path.Count;
                path.Add(current);
                if (current.Parent is not { } parent || parent == current.Id || !byId.TryGetValue(parent, out var next))
                    break;
                current = next;
            }
            done.UnionWith(onPath.Keys);
        }
    }
}
