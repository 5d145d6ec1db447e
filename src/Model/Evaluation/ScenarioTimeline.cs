using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// A scenario laid out for evaluation: the dyad set (model.md rule 4), each dyad's interrupted days and every
/// contribution it receives — impulses, spills and standing ties of applied occurrences (those not wholly cancelled,
/// scaled by what a partial interruption leaves of them), each with its certainty part. The rules are the kernel's
/// (<see cref="StrengthModel.Apply"/>, <see cref="EventRule"/>); this class only lays their results out per dyad.
/// </summary>
public sealed class ScenarioTimeline
{
    private ScenarioTimeline(Scenario scenario, ActorTree actors, SortedDictionary<Dyad, DyadTimeline> dyads)
    {
        Scenario = scenario;
        Actors = actors;
        Dyads = dyads;
    }

    public Scenario Scenario { get; }
    public ActorTree Actors { get; }
    public IReadOnlyDictionary<Dyad, DyadTimeline> Dyads { get; }

    public static ScenarioTimeline Build(Scenario scenario, int? seed = null)
    {
        var actors = new ActorTree(scenario.Actors);
        var model = scenario.Model;
        var set = DyadSet.Of(scenario, actors);
        var dyads = new SortedDictionary<Dyad, DyadTimeline>();
        foreach (var dyad in set.All)
            dyads[dyad] = new DyadTimeline(dyad, new InterruptionCalendar(scenario.Interruptions.Where(i => StrengthModel.Applies(i, dyad, actors)), model));

        var rules = new EventRules(scenario);
        foreach (var occurrence in Occurrences.Place(scenario.Events, seed))
        {
            var ev = occurrence.Event;
            var rule = rules.Of(ev);
            foreach (var dyad in DyadSet.DyadsOf(ev))
            {
                var target = dyads[dyad];
                var applied = StrengthModel.Apply(rule.Weight, rule.InPerson, target.Calendar.CancelShare(occurrence.Day), model);
                if (!applied.Applies)
                    continue;
                Contribution Part(ContributionKind kind, double amount, Dyad? from = null) =>
                    new(ev.Id, occurrence.Index, occurrence.Day, kind, amount, From: from, Factor: applied.Factor, Level: rule.Level);
                target.Add(Part(ContributionKind.Impulse, applied.Impulse));
                foreach (var child in set.ChildrenOf(dyad))
                    dyads[child].Add(Part(ContributionKind.SpillDown, applied.SpillDown, dyad));
                if (set.ParentOf(dyad) is { } parent)
                    dyads[parent].Add(Part(ContributionKind.SpillUp, applied.SpillUp, dyad));
                if (rule.HoldsTie)
                {
                    target.Add(new Contribution(ev.Id, occurrence.Index, occurrence.Day, ContributionKind.Standing, applied.Tie(rule.TieValue(model)),
                        rule.TieUntil(occurrence.Day, model), Factor: applied.Factor, Level: rule.TieLevel));
                }
            }
        }
        foreach (var timeline in dyads.Values)
            timeline.SortCanonically();
        return new ScenarioTimeline(scenario, actors, dyads);
    }
}

/// <summary>The interrupted days of one dyad and the contributions it receives, in the order they arise.</summary>
public sealed class DyadTimeline(Dyad dyad, InterruptionCalendar calendar)
{
    private readonly List<Contribution> contributions = [];

    public Dyad Dyad { get; } = dyad;
    public InterruptionCalendar Calendar { get; } = calendar;
    public IReadOnlyList<Contribution> Contributions => contributions;

    internal void Add(Contribution contribution) => contributions.Add(contribution);

    /// <summary>
    /// Orders contributions by day, event, occurrence, kind and origin, so that R is summed in the same order
    /// whatever order the file lists events in: a variant then equals its hand-written scenario to the last digit.
    /// </summary>
    internal void SortCanonically() => contributions.Sort((x, y) =>
    {
        var order = x.Day.CompareTo(y.Day);
        if (order == 0) order = string.CompareOrdinal(x.EventId, y.EventId);
        if (order == 0) order = x.Occurrence.CompareTo(y.Occurrence);
        if (order == 0) order = x.Kind.CompareTo(y.Kind);
        if (order == 0) order = Nullable.Compare(x.From, y.From);
        return order;
    });
}
