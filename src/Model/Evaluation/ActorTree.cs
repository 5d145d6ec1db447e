using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>Parents, inherited countries and ancestors of a scenario's actors (model.md rules 3 and 4).</summary>
public sealed class ActorTree
{
    private readonly Dictionary<string, Actor> byId;

    public ActorTree(IEnumerable<Actor> actors) => byId = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);

    public Actor this[string id] => byId[id];

    public bool Contains(string id) => byId.ContainsKey(id);


    public string? ParentOf(string id) => byId[id].Parent;

    /// <summary>The actor's own country, or that of its nearest ancestor that has one.</summary>
    public string? CountryOf(string id)
    {
        foreach (var actor in SelfAndAncestors(id))
        {
            if (byId[actor].Country is { } country)
                return country;
        }
        return null;
    }

    /// <summary>The actor itself, then its parent, grandparent and so on.</summary>
    public IEnumerable<string> SelfAndAncestors(string id)
    {
        for (string? current = id; current is not null; current = byId[current].Parent)
            yield return current;
    }
}
