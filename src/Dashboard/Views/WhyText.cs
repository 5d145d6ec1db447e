using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Views;

/// <summary>One sentence of an explanation, with the sources the facts in it come from.</summary>
public sealed record WhySentence(string Text, IReadOnlyList<Source> Sources);

/// <summary>
/// "Why this value?" in sentences (issue 22): which events carry a dyad's R on a day, when they happened, what each
/// added, how much of it is left and why — the half-life, the days an interruption made fade faster, the share an
/// interruption cancelled, a spill from a related relationship — from the run's timeline (model.md rules 3, 4, 7).
/// The table of parts stays beside it; the sentences say the same numbers.
/// </summary>
public sealed class WhyText(IStringLocalizer<WhyText> text, IStringLocalizer<Strings> words)
{
    /// <summary>How many parts get a sentence of their own; the rest are summed in one.</summary>
    public const int Detailed = 6;

    /// <summary>The sentences for <paramref name="explanation"/>: a summary, one per large part, the rest, the cancelled events.</summary>
    public IReadOnlyList<WhySentence> Of(Explanation explanation, ScenarioTimeline timeline, Func<Dyad, string> dyadName)
    {
        var scenario = timeline.Scenario;
        var model = scenario.Model;
        var dyadTimeline = timeline.Dyads[explanation.Dyad];
        var day = explanation.Day;
        var events = scenario.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var sentences = new List<WhySentence>();
        var tree = new ActorTree(scenario.Actors);
        var interruptions = scenario.Interruptions.Where(i => tree.Contains(explanation.Dyad.A) && tree.Contains(explanation.Dyad.B)
            && StrengthModel.Applies(i, explanation.Dyad, tree)).ToList();

        if (explanation.Lines.Count == 0)
        {
            sentences.Add(new(text["By {0} no event has reached {1}: its score R is 0 and its strength S is 0.", Display.Day(day), dyadName(explanation.Dyad)], []));
            return sentences;
        }
        var largest = explanation.Lines.Take(3).Select(l => Quote(Title(events[l.EventId]))).ToList();
        sentences.Add(new(text["On {0}, {1} has strength S = {2} (score R = {3}). {4} parts make it up; the largest come from {5}.",
            Display.Day(day), dyadName(explanation.Dyad), Display.Number(explanation.Strength, "0.0"), Display.Number(explanation.Score, "0.00"),
            explanation.Lines.Count, string.Join(", ", largest)], []));

        foreach (var line in explanation.Lines.Take(Detailed))
        {
            var ev = events[line.EventId];
            var parts = dyadTimeline.Contributions
                .Where(c => c.EventId == line.EventId && c.Kind == line.Kind && c.From == line.From && c.Factor == line.Factor
                    && (c.Kind == ContributionKind.Standing ? StrengthModel.InForce(c.Day, c.Until, day) : c.Day <= day))
                .OrderBy(c => c.Day).ToList();
            if (parts.Count == 0)
                continue;
            sentences.Add(new(Sentence(ev, line, parts, day, dyadTimeline.Calendar, model, interruptions, dyadName), Sources(scenario, ev)));
        }
        if (explanation.Lines.Count > Detailed)
        {
            var rest = explanation.Lines.Skip(Detailed).ToList();
            sentences.Add(new(text["{0} smaller parts add {1} together (the table lists each).", rest.Count, Display.Number(rest.Sum(l => l.Value), "0.00")], []));
        }

        // What the interruptions took away: in-person events on this relationship cancelled outright.
        var cancelled = Plots.EventMarks.Touching(scenario, [explanation.Dyad])
            .SelectMany(m => m.Days.Select((d, i) => (Mark: m, Day: d, Share: m.CancelledShare[i])))
            .Where(o => o.Day <= day && o.Share >= 1.0)
            .GroupBy(o => o.Mark.Event.Id).ToList();
        if (cancelled.Count > 0)
        {
            var names = cancelled.Take(4).Select(g => $"{Quote(Title(g.First().Mark.Event))} ({Display.Day(g.First().Day)})");
            sentences.Add(new(text["Cancelled, so adding nothing: {0}{1} — in person while an interruption stopped exchanges.",
                string.Join(", ", names), cancelled.Count > 4 ? text[" and {0} more", cancelled.Count - 4].Value : ""], []));
        }
        return sentences;
    }

    private string Sentence(ScenarioEvent ev, ExplanationLine line, IReadOnlyList<Contribution> parts, DateOnly day, InterruptionCalendar calendar,
        ModelParameters model, IReadOnlyList<Interruption> interruptions, Func<Dyad, string> dyadName)
    {
        var title = Quote(Title(ev));
        var kind = words.Kind(ev.Kind);
        var when = parts.Count == 1
            ? Display.Day(parts[0].Day)
            : text["{0} times between {1} and {2}", parts.Count, Display.Day(parts[0].Day), Display.Day(parts[^1].Day)].Value;
        var added = parts.Sum(p => p.Amount);
        var value = line.Value;
        var cancelledShare = line.Factor < 1.0
            ? " " + text["({0} % of it cancelled by {1})", Display.Number((1 - line.Factor) * 100, "0"), Names(interruptions.Where(i => parts.Any(p => Covers(i, p.Day))))].Value
            : "";

        if (line.Kind == ContributionKind.Standing)
        {
            var until = parts[0].Until is { } end ? text["until {0}", Display.Day(end.AddDays(-1))].Value : text["with no end"].Value;
            return text["{0} ({1}, {2}) holds a standing tie of {3} while in force, {4}{5}.", title, kind, when, Display.Number(value, "0.00"), until, cancelledShare];
        }

        // Fading: how many half-lives have passed, and how many of the days fell inside an interruption (faster fading).
        var first = parts[0];
        var effective = calendar.EffectiveDays(first.Day, day);
        var interrupted = calendar.InterruptedDays(first.Day, day);
        var halfLives = effective / model.HalfLifeDays;
        var share = added == 0 ? 0 : value / added;
        var percent = Display.Number(share * 100, "0");
        var lives = Display.Number(halfLives, "0.0");
        var life = Display.Number(model.HalfLifeDays, "0");
        var fading = (parts.Count == 1, interrupted > 0) switch
        {
            (true, false) => text["it has faded to {0} % of that: {1} half-lives of {2} days have passed", percent, lives, life].Value,
            (true, true) => text["it has faded to {0} % of that: {1} half-lives of {2} days, because {3} of the days since fell inside {4}, where ties fade {5}× as fast",
                percent, lives, life, interrupted, Names(interruptions.Where(i => Overlaps(i, first.Day, day))), Display.Number(Multiplier(interruptions, model), "0.#")].Value,
            (false, false) => text["together they have faded to {0} % of that (the earliest through {1} half-lives of {2} days)", percent, lives, life].Value,
            (false, true) => text["together they have faded to {0} % of that (the earliest through {1} half-lives of {2} days, {3} of its days inside {4}, where ties fade {5}× as fast)",
                percent, lives, life, interrupted, Names(interruptions.Where(i => Overlaps(i, first.Day, day))), Display.Number(Multiplier(interruptions, model), "0.#")].Value,
        };

        return line.Kind switch
        {
            ContributionKind.SpillUp => text["{0} ({1}, {2}) between {3} spilled up {4} to this relationship{5}; {6}. It adds {7} now.",
                title, kind, when, dyadName(line.From!.Value), Display.Number(added, "0.00"), cancelledShare, fading, Display.Number(value, "0.00")],
            ContributionKind.SpillDown => text["{0} ({1}, {2}) between {3} spilled down {4} to this relationship{5}; {6}. It adds {7} now.",
                title, kind, when, dyadName(line.From!.Value), Display.Number(added, "0.00"), cancelledShare, fading, Display.Number(value, "0.00")],
            _ => text["{0} ({1}, {2}) added {3}{4}; {5}. It adds {6} now.",
                title, kind, when, Display.Number(added, "0.00"), cancelledShare, fading, Display.Number(value, "0.00")],
        };
    }

    private static double Multiplier(IReadOnlyList<Interruption> interruptions, ModelParameters model) =>
        interruptions.Select(i => i.DecayMultiplier ?? model.InterruptionDecayMultiplier).DefaultIfEmpty(model.InterruptionDecayMultiplier).Max();

    private static bool Covers(Interruption interruption, DateOnly day) => interruption.From <= day && day <= interruption.To;

    private static bool Overlaps(Interruption interruption, DateOnly from, DateOnly until) => interruption.From < until && from <= interruption.To;

    private string Names(IEnumerable<Interruption> interruptions)
    {
        var names = interruptions.Select(i => Quote(i.Title ?? i.Id)).Distinct().ToList();
        return names.Count == 0 ? text["an interruption"] : string.Join(", ", names);
    }

    private string Title(ScenarioEvent ev) => ev.Title ?? $"{words.Kind(ev.Kind)} ({ev.Id})";

    private static string Quote(string title) => $"“{title}”";

    private static IReadOnlyList<Source> Sources(Scenario scenario, ScenarioEvent ev) =>
        [.. ev.Sources.Select(id => scenario.Sources.FirstOrDefault(s => s.Id == id)).OfType<Source>()];
}
