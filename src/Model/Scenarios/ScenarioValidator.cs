namespace Relations.Model.Scenarios;

/// <summary>
/// The cross-reference rules of scenario-format.md, checked on a merged set of declarations: every
/// reference names a declared actor or source, parents form no cycle, no actor is in a dyad with itself,
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
        List<Problem> problems)
    {
        var sourceIds = sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var actorById = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);

        void RequireSources(ValueList<string> ids, Origin origin)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!sourceIds.Contains(ids[i]))
                    problems.Add(new Problem(origin.Has($"source#{i}") ? origin[$"source#{i}"] : origin["source"], $"source '{ids[i]}' is not declared under 'sources'"));
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
            foreach (var id in interruption.Scope.Actors)
                RequireActor(id, interruption.Origin, "scope");
        }

        foreach (var ev in events)
        {
            RequireSources(ev.Sources, ev.Origin);
            if (!model.IsKnownKind(ev.Kind))
                problems.Add(new Problem(ev.Origin["kind"],
                    $"event kind '{ev.Kind}' is not known: use one of {string.Join(", ", model.Weights.Select(w => w.Key))}, or add it under model.weights"));
            foreach (var id in ev.SideA.Concat(ev.SideB).Distinct())
                RequireActor(id, ev.Origin, "between");
            foreach (var id in ev.SideA.Intersect(ev.SideB))
                problems.Add(new Problem(ev.Origin["between"], $"actor '{id}' is on both sides of 'between': an actor is never in a dyad with itself"));
            if (ev.Term is not null && ev.Kind is not ("agreement" or "twinning"))
                problems.Add(new Problem(ev.Origin["term"], $"'term' belongs only to 'agreement' and 'twinning' events, not '{ev.Kind}'"));
            if (ev.Term?.Until is { } until && until <= ev.Date.To)
                problems.Add(new Problem(ev.Origin["term"],
                    $"'term.until' ({until:yyyy-MM-dd}) must be after the event's date ({ev.Date.To:yyyy-MM-dd}{(ev.Date.IsRange ? ", the last day of its range" : "")})"));
        }
    }

    private static void ReportParentCycles(IReadOnlyList<Actor> actors, Dictionary<string, Actor> byId, List<Problem> problems)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            var seen = new List<string>();
            var current = actor;
            while (current.Parent is { } parent && byId.TryGetValue(parent, out var next) && parent != current.Id)
            {
                seen.Add(current.Id);
                if (next.Id == actor.Id)
                {
                    if (seen.All(reported.Add))
                        problems.Add(new Problem(actor.Origin["parent"], $"parents form a cycle: {string.Join(" → ", seen.Append(actor.Id))}"));
                    break;
                }
                if (seen.Contains(next.Id))
                    break;
                current = next;
            }
        }
    }
}
