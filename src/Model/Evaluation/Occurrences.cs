using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>One occurrence of an event on a day (an event with a date range and a count has several).</summary>
public readonly record struct Occurrence(ScenarioEvent Event, int Index, DateOnly Day);

/// <summary>Places events' occurrences on days (model.md rule 5).</summary>
public static class Occurrences
{
    /// <summary>
    /// Every occurrence of every event, in event order. Without a seed, occurrence i of n falls on
    /// from + ⌊(i + ½) · span / n⌋ (computed in integers, so exactly); with a seed each is a uniformly drawn day
    /// of [from, to] from <see cref="Random"/> seeded once per replay, drawn in event order, so a seed
    /// reproduces its run exactly.
    /// </summary>
    public static IReadOnlyList<Occurrence> Place(IEnumerable<ScenarioEvent> events, int? seed = null)
    {
        var random = Generator(seed);
        var result = new List<Occurrence>();
        foreach (var ev in events)
        {
            var n = ev.Count ?? 1;
            for (var i = 0; i < n; i++)
                result.Add(new Occurrence(ev, i, DayOf(ev, i, random)));
        }
        return result;
    }

    /// <summary>The generator of a replay with <paramref name="seed"/>, one per replay; null for a replay without a seed.</summary>
    public static Random? Generator(int? seed) => seed is { } s ? new Random(s) : null;

    /// <summary>
    /// The day of occurrence <paramref name="index"/>: with a generator, a range's occurrence is a uniformly drawn day
    /// of [from, to] (one draw from it, so callers must ask in event and occurrence order); else <see cref="SpreadDay"/>.
    /// </summary>
    public static DateOnly DayOf(ScenarioEvent ev, int index, Random? random) =>
        random is not null && ev.Date.IsRange
            ? ev.Date.From.AddDays(random.Next(0, ev.Date.To.DayNumber - ev.Date.From.DayNumber + 1))
            : SpreadDay(ev, index);

    /// <summary>The day of occurrence <paramref name="index"/> in a replay without a seed: from + ⌊(i + ½) · span / n⌋.</summary>
    public static DateOnly SpreadDay(ScenarioEvent ev, int index)
    {
        var n = ev.Count ?? 1;
        var span = (long)(ev.Date.To.DayNumber - ev.Date.From.DayNumber);
        return ev.Date.From.AddDays((int)((2L * index + 1) * span / (2L * n)));
    }
}
