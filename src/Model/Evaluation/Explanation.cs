using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// One event's share of a dyad's R on a day (model.md rule 7), with the sources it cites (ids joined with ", ",
/// titles with "; "), the factor a partial interruption applied it with (1: not cancelled at all; rule 3, 1.1) and
/// the certainty part it counts in (rule 9).
/// </summary>
public sealed record ExplanationLine(
    string EventId,
    string Title,
    ContributionKind Kind,
    int Occurrences,
    double Value,
    Dyad? From,
    string SourceId,
    string SourceTitle,
    double Factor = 1.0,
    Certainty Level = Certainty.Reported)
{
    /// <summary>Whether a partial interruption scaled this share (0 &lt; factor &lt; 1).</summary>
    public bool IsPartlyCancelled => Factor < 1.0;

    /// <summary>Every source the event cites, by id (<see cref="SourceId"/> joins them for display).</summary>
    public IReadOnlyList<string> SourceIds { get; init; } = [SourceId];
}

/// <summary>
/// A dyad's R and S on a day, and the events that make them up; the lines add up to R, and R's certainty parts
/// (model.md rule 9) to R.
/// </summary>
public sealed record Explanation(Dyad Dyad, DateOnly Day, double Score, double Strength, IReadOnlyList<ExplanationLine> Lines)
{
    /// <summary>R's parts resting on reported, inferred and assumed entries (rule 9).</summary>
    public (double Reported, double Inferred, double Assumed) Parts { get; init; }

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
            .GroupBy(x => (x.c.EventId, x.c.Kind, x.c.From, x.c.Factor, x.c.Level))
            .Select(g =>
            {
                var ev = events[g.Key.EventId];
                return new ExplanationLine(ev.Id, ev.ShortTitle, g.Key.Kind, g.Count(), g.Sum(x => x.Value), g.Key.From,
                    string.Join(", ", ev.Sources),
                    string.Join("; ", ev.Sources.Select(id => sources.TryGetValue(id, out var source) ? source.Title : id)),
                    g.Key.Factor, g.Key.Level) { SourceIds = ev.Sources };
            })
            .OrderByDescending(l => Math.Abs(l.Value))
            .ThenBy(l => l.EventId, StringComparer.Ordinal)
            .ToList();
        var parts = ReferenceEvaluator.Parts(dyadTimeline, day, scenario.Model);
        var score = CertaintyParts.Sum(parts.Reported, parts.Inferred, parts.Assumed);
        return new Explanation(dyad, day, score, StrengthModel.Strength(score, scenario.Model), lines) { Parts = parts };
    }
}
