using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>Parents, inherited countries and ancestors of a scenario's actors (model.md rules 3 and 4).</summary>
public sealed class ActorTree
{
    private readonly Dictionary<string, Actor> byId;
    private readonly Dictionary<string, string?> countries = new(StringComparer.Ordinal);

    public ActorTree(IEnumerable<Actor> actors) => byId = actors.ToDictionary(a => a.Id, StringComparer.Ordinal);

    public Actor this[string id] => byId[id];

    public bool Contains(string id) => byId.ContainsKey(id);


    public string? ParentOf(string id) => byId[id].Parent;

    /// <summary>
    /// The actor's own country, or that of its nearest ancestor that has one. Remembered for every actor on the way,
    /// so asking for each actor of a long parent chain costs the chain once, not its square.
    /// </summary>
    public string? CountryOf(string id)
    {
        if (countries.TryGetValue(id, out var known))
            return known;
        var walked = new List<string>();
        string? country = null;
        foreach (var actor in SelfAndAncestors(id))
        {
            if (countries.TryGetValue(actor, out country))
                break;
            walked.Add(actor);
            if ((country = byId[actor].Country) is not null)
                break;
        }
        foreach (var actor in walked)
            countries[actor] = country;
        return country;
    }

    /// <summary>The actor itself, then its parent, grandparent and so on.</summary>
    public IEnumerable<string> SelfAndAncestors(string id)
    {
        for (string? current = id; current is not null; current = byId[current].Parent)
            yield return current;
    }
}
