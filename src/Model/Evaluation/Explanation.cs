using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>One event's share of a dyad's R on a day (model.md rule 7), with the source it cites.</summary>
public sealed record ExplanationLine(
    string EventId,
    string Title,
    ContributionKind Kind,
    int Occurrences,
    double Value,
    Dyad? From,
    string SourceId,
    string SourceTitle);

/// <summary>A dyad's R and S on a day, and the events that make them up; the lines add up to R.</summary>
public sealed record Explanation(Dyad Dyad, DateOnly Day, double Score, double Strength, IReadOnlyList<ExplanationLine> Lines)
{
    /// <summary>Explains R on a day from a timeline: one line per event and kind of contribution, largest first.</summary>
    public static Explanation Of(ScenarioTimeline timeline, Dyad dyad, DateOnly day)
    {
        var scenario = timeline.Scenario;
        var dyadTimeline = timeline.Dyads[dyad];
        var events = scenario.Events.ToDictionary(e => e.Id);
        var sources = scenario.Sources.ToDictionary(s => s.Id);
        var lines = dyadTimeline.Contributions
            .Select(c => (c, Value: ReferenceEvaluator.ValueOn(c, day, dyadTimeline.Calendar, scenario.Model)))
            .Where(x => x.c.Kind != ContributionKind.Standing ? x.c.Day <= day : x.Value != 0.0)
            .GroupBy(x => (x.c.EventId, x.c.Kind, x.c.From))
            .Select(g =>
            {
                var ev = events[g.Key.EventId];
                return new ExplanationLine(ev.Id, ev.ShortTitle, g.Key.Kind, g.Count(), g.Sum(x => x.Value), g.Key.From,
                    ev.Source, sources.TryGetValue(ev.Source, out var source) ? source.Title : ev.Source);
            })
            .OrderByDescending(l => Math.Abs(l.Value))
            .ThenBy(l => l.EventId, StringComparer.Ordinal)
            .ToList();
        var score = ReferenceEvaluator.Score(dyadTimeline, day, scenario.Model);
        return new Explanation(dyad, day, score, StrengthModel.Strength(score, scenario.Model), lines);
    }
}
