using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// A scenario laid out for evaluation: the dyad set (model.md rule 4), each dyad's interrupted days and every
/// contribution it receives — impulses, spills and standing ties of applied occurrences (those not wholly cancelled,
/// scaled by what a partial interruption leaves of them).
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

        foreach (var occurrence in Occurrences.Place(scenario.Events, seed))
        {
            var ev = occurrence.Event;
            foreach (var dyad in DyadSet.DyadsOf(ev))
            {
                var target = dyads[dyad];
                // Rule 3 (1.1): decided on the event's own dyad; its spills are not cancelled again where they arrive.
                var factor = StrengthModel.AppliedFactor(ev.Mode, occurrence.Day, target.Calendar);
                if (factor == 0.0)
                    continue;
                var w = StrengthModel.ImpulseWeight(ev, model) * factor;
                target.Add(new Contribution(ev.Id, occurrence.Index, occurrence.Day, ContributionKind.Impulse, w, Factor: factor));
                foreach (var child in set.ChildrenOf(dyad))
                    dyads[child].Add(new Contribution(ev.Id, occurrence.Index, occurrence.Day, ContributionKind.SpillDown, model.SpillDown * w, From: dyad, Factor: factor));
                if (set.ParentOf(dyad) is { } parent)
                    dyads[parent].Add(new Contribution(ev.Id, occurrence.Index, occurrence.Day, ContributionKind.SpillUp, model.SpillUp * w, From: dyad, Factor: factor));
                if (StrengthModel.StandingTie(ev, occurrence.Day, model, scenario.KeptCertainty) is { } tie)
                    target.Add(new Contribution(ev.Id, occurrence.Index, occurrence.Day, ContributionKind.Standing, tie.Value * factor, tie.Until, Factor: factor));
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
