using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The interrupted days of one dyad: the union of the interruptions applying to it, so that a day covered by
/// two interruptions counts once (model.md, E).
/// </summary>
public sealed class InterruptionCalendar
{
    private readonly (int From, int To)[] spans;

    public InterruptionCalendar(IEnumerable<Interruption> applying)
        : this(applying.Select(i => (i.From, i.To)))
    {
    }

    /// <summary>A calendar of inclusive day spans (as an actor engine receives them).</summary>
    public InterruptionCalendar(IEnumerable<(DateOnly From, DateOnly To)> inclusiveSpans)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in inclusiveSpans.Select(s => (s.From.DayNumber, s.To.DayNumber)).OrderBy(s => s.Item1))
        {
            if (merged.Count > 0 && from <= merged[^1].To + 1)
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            else
                merged.Add((from, to));
        }
        spans = [.. merged];
    }

    public static InterruptionCalendar Empty { get; } = new(Array.Empty<(DateOnly, DateOnly)>());

    public bool IsEmpty => spans.Length == 0;

    /// <summary>Whether day is inside an applying interruption (from ≤ day ≤ to).</summary>
    public bool Covers(DateOnly day) => spans.Any(s => s.From <= day.DayNumber && day.DayNumber <= s.To);

    /// <summary>How many days x with <paramref name="from"/> ≤ x &lt; <paramref name="until"/> are interrupted.</summary>
    public int InterruptedDays(DateOnly from, DateOnly until)
    {
        var count = 0;
        foreach (var (spanFrom, spanTo) in spans)
        {
            var first = Math.Max(spanFrom, from.DayNumber);
            var last = Math.Min(spanTo, until.DayNumber - 1);
            if (last >= first)
                count += last - first + 1;
        }
        return count;
    }
}
