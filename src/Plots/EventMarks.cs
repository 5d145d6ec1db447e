using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Plots;

/// <summary>One event as a plot marks it: the days its occurrences fall on and whether each was cancelled.</summary>
public sealed record EventMark(ScenarioEvent Event, IReadOnlyList<DateOnly> Days, IReadOnlyList<bool> Cancelled, double Weight)
{
    /// <summary>The share of each occurrence an interruption cancelled (model.md rule 3: 1 − the applied factor), 0 to 1.</summary>
    public IReadOnlyList<double> CancelledShare { get; init; } = [];

    /// <summary>How many more events of the same kind on the same days this mark stands for (the overview merges them).</summary>
    public int Similar { get; init; }

    public bool IsStanding => EventKind.HoldsTie(Event.Kind);

    public bool AllCancelled => Cancelled.All(c => c);

    /// <summary>The short title, shortened, with ×n for a count and ≈ for a date known only as a range.</summary>
    public string Label(int maxLength)
    {
        var text = PlotNames.Shorten(Event.ShortTitle, maxLength);
        if (Days.Count > 1)
            text += $" (×{Days.Count})";
        else if (Event.Date.IsRange)
            text = "≈ " + text;
        if (Similar > 0)
            text += $" (+{Similar} alike)";
        return AllCancelled ? text + " (cancelled)" : text;
    }
}

/// <summary>Finds the events that touch a set of dyads and places their occurrences (model.md rules 3 and 5).</summary>
public static class EventMarks
{
    /// <summary>
    /// Events with a dyad in <paramref name="dyads"/>. The days are the deterministic placement (rule 5), which is what a
    /// replay without a seed used. An occurrence counts as cancelled when it is cancelled on every one of those dyads.
    /// </summary>
    public static IReadOnlyList<EventMark> Touching(Scenario scenario, IReadOnlyCollection<Dyad> dyads)
    {
        var tree = new ActorTree(scenario.Actors);
        var wanted = dyads.ToHashSet();
        var calendars = new Dictionary<Dyad, InterruptionCalendar>();
        InterruptionCalendar CalendarOf(Dyad dyad)
        {
            if (!calendars.TryGetValue(dyad, out var calendar))
            {
                calendar = new InterruptionCalendar(scenario.Interruptions.Where(i => AppliesSafely(i, dyad, tree)), scenario.Model);
                calendars[dyad] = calendar;
            }
            return calendar;
        }

        var marks = new List<EventMark>();
        foreach (var ev in scenario.Events)
        {
            var touched = DyadSet.DyadsOf(ev).Where(wanted.Contains).ToList();
            if (touched.Count == 0)
                continue;
            var days = new DateOnly[ev.Count ?? 1];
            for (var i = 0; i < days.Length; i++)
                days[i] = Occurrences.SpreadDay(ev, i);
            var cancelled = new bool[days.Length];
            var share = new double[days.Length];
            // Only an in-person event on dyads that all have interruptions can be cancelled: the rest need no look-up per day.
            // Cancelled on the marked dyads as much as on the one that kept most of it (the largest factor applied).
            if (ev.Mode == EventMode.InPerson && touched.All(d => !CalendarOf(d).IsEmpty))
            {
                for (var i = 0; i < days.Length; i++)
                {
                    var applied = touched.Max(d => StrengthModel.Apply(0.0, inPerson: true, CalendarOf(d).CancelShare(days[i]), ModelParameters.Default).Factor);
                    cancelled[i] = applied == 0.0;
                    share[i] = 1.0 - applied;
                }
            }
            marks.Add(new EventMark(ev, days, cancelled, StrengthModel.ImpulseWeight(ev, scenario.Model)) { CancelledShare = share });
        }
        return marks;
    }

    /// <summary>Whether an interruption applies to a dyad; false for actors the scenario does not declare.</summary>
    public static bool AppliesSafely(Interruption interruption, Dyad dyad, ActorTree tree) =>
        tree.Contains(dyad.A) && tree.Contains(dyad.B) && StrengthModel.Applies(interruption, dyad, tree);

    /// <summary>One mark for events of the same kind whose occurrences fall on the same days (23 twinnings dated alike).</summary>
    public static IReadOnlyList<EventMark> MergeAlike(IEnumerable<EventMark> marks) =>
        marks.GroupBy(m => m, Alike)
            .Select(g => g.First() with { Weight = g.Sum(m => m.Weight), Similar = g.Count() - 1 })
            .ToList();

    /// <summary>Marks of one kind on the same days, cancelled alike; hashed by kind, count and first and last day, so no key is built per day.</summary>
    private static readonly IEqualityComparer<EventMark> Alike = EqualityComparer<EventMark>.Create(
        (x, y) => x!.Event.Kind == y!.Event.Kind && x.Days.SequenceEqual(y.Days) && x.Cancelled.SequenceEqual(y.Cancelled),
        m => HashCode.Combine(m.Event.Kind, m.Days.Count, m.Days[0], m.Days[^1]));

    /// <summary>The overview's choice: agreements and twinnings first, then the largest total weight, then the earliest.</summary>
    internal static IReadOnlyList<EventMark> MostImportant(IEnumerable<EventMark> marks, int max) =>
        marks.Where(m => !m.AllCancelled)
            .OrderByDescending(m => m.IsStanding)
            .ThenByDescending(m => Math.Abs(m.Weight) * m.Days.Count)
            .ThenBy(m => m.Days[0])
            .Take(max)
            .ToList();
}
