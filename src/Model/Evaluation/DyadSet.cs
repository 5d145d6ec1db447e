using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The dyads a scenario tracks (model.md rule 4): declared relationships, every dyad of an event, and for each
/// event dyad {a, b} whose actors both have parents p(a) ≠ p(b), the dyad {p(a), p(b)}; with the spill links
/// between a dyad and its parent dyad.
/// </summary>
public sealed class DyadSet
{
    private readonly SortedSet<Dyad> all;
    private readonly Dictionary<Dyad, List<Dyad>> children = [];
    private readonly Dictionary<Dyad, Dyad> parents = [];

    private DyadSet(SortedSet<Dyad> all, ActorTree actors)
    {
        this.all = all;
        foreach (var dyad in all)
        {
            if (ParentDyad(dyad, actors) is not { } parent)
                continue;
            parents[dyad] = parent;
            if (all.Contains(parent))
            {
                if (!children.TryGetValue(parent, out var list))
                    children[parent] = list = [];
                list.Add(dyad);
            }
        }
    }

    public IReadOnlyCollection<Dyad> All => all;

    public static DyadSet Of(Scenario scenario, ActorTree actors)
    {
        var set = new SortedSet<Dyad>();
        foreach (var rel in scenario.Relationships)
            set.Add(new Dyad(rel.A, rel.B));
        foreach (var ev in scenario.Events)
        {
            foreach (var dyad in DyadsOf(ev))
            {
                set.Add(dyad);
                if (ParentDyad(dyad, actors) is { } parent)
                    set.Add(parent);
            }
        }
        return new DyadSet(set, actors);
    }

    /// <summary>The set of already known dyads (as <see cref="DyadLayout"/> lists them), without going over the events again.</summary>
    public static DyadSet Of(IEnumerable<Dyad> dyads, ActorTree actors) => new(new SortedSet<Dyad>(dyads), actors);

    /// <summary>Every dyad of an event: each actor of one side with each of the other.</summary>
    public static IEnumerable<Dyad> DyadsOf(ScenarioEvent ev) =>
        ev.SideA.SelectMany(a => ev.SideB.Select(b => new Dyad(a, b)));

    /// <summary>{p(a), p(b)} when both parents exist and differ.</summary>
    public static Dyad? ParentDyad(Dyad dyad, ActorTree actors) =>
        (actors.ParentOf(dyad.A), actors.ParentOf(dyad.B)) is ({ } pa, { } pb) && pa != pb ? new Dyad(pa, pb) : null;

    /// <summary>Dyads of the set that receive σ↓ spill from an impulse on <paramref name="dyad"/>.</summary>
    public IReadOnlyList<Dyad> ChildrenOf(Dyad dyad) => children.TryGetValue(dyad, out var list) ? list : [];

    /// <summary>The dyad that receives σ↑ spill from an impulse on <paramref name="dyad"/>, when there is one.</summary>
    public Dyad? ParentOf(Dyad dyad) => parents.TryGetValue(dyad, out var parent) ? parent : null;
}
