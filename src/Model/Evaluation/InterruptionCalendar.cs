using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// One interruption as it applies to a dyad: inclusive days, its decay multiplier (resolved: its own
/// <c>decayMultiplier</c> or the model's m) and the share of in-person activity it cancels (model.md rule 3, E).
/// </summary>
public readonly record struct CalendarSpan(DateOnly From, DateOnly To, double DecayMultiplier, double Cancels)
{
    /// <summary>The span of an interruption under a model: its own multiplier, else the model's m (format 1.1).</summary>
    public static CalendarSpan Of(Interruption interruption, ModelParameters model) =>
        new(interruption.From, interruption.To, interruption.DecayMultiplier ?? model.InterruptionDecayMultiplier, interruption.Cancels);
}

/// <summary>
/// The interrupted days of one dyad, from the interruptions applying to it, cut into segments where the same
/// interruptions apply. On a day covered by several, the largest decay multiplier and the largest cancelled share
/// count (model.md, E and rule 3), so a day covered twice counts once.
/// </summary>
public sealed class InterruptionCalendar
{
    private readonly Segment[] segments;

    /// <summary>The distinct multipliers of the segments, ascending; E sums whole days per multiplier (see <see cref="ExtraDays"/>).</summary>
    private readonly double[] multipliers;

    /// <param name="applying">The interruptions that apply to the dyad (<see cref="StrengthModel.Applies"/>).</param>
    /// <param name="model">Gives the multiplier of an interruption without its own.</param>
    public InterruptionCalendar(IEnumerable<Interruption> applying, ModelParameters model)
        : this(applying.Select(i => CalendarSpan.Of(i, model)))
    {
    }

    /// <summary>A calendar of inclusive day spans with their multipliers and cancelled shares (as an actor engine receives them).</summary>
    public InterruptionCalendar(IEnumerable<CalendarSpan> spans)
    {
        var list = spans.ToArray();
        // Elementary segments: between consecutive boundaries the set of covering spans does not change.
        var bounds = list.SelectMany(s => (int[])[s.From.DayNumber, s.To.DayNumber + 1]).Distinct().Order().ToArray();
        var result = new List<Segment>();
        for (var b = 0; b + 1 < bounds.Length; b++)
        {
            var (from, to) = (bounds[b], bounds[b + 1] - 1);
            var covering = list.Where(s => s.From.DayNumber <= from && to <= s.To.DayNumber).ToArray();
            if (covering.Length == 0)
                continue;
            var segment = new Segment(from, to, covering.Max(s => s.DecayMultiplier), covering.Max(s => s.Cancels));
            if (result.Count > 0 && result[^1].To + 1 == from && result[^1].Multiplier == segment.Multiplier && result[^1].Cancels == segment.Cancels)
                result[^1] = result[^1] with { To = to };
            else
                result.Add(segment);
        }
        segments = [.. result];
        multipliers = [.. segments.Select(s => s.Multiplier).Distinct().Order()];
    }

    public static InterruptionCalendar Empty { get; } = new(Array.Empty<CalendarSpan>());

    public bool IsEmpty => segments.Length == 0;

    /// <summary>The segments in date order: inclusive days with one multiplier and one cancelled share.</summary>
    public IReadOnlyList<CalendarSpan> Segments =>
        [.. segments.Select(s => new CalendarSpan(DateOnly.FromDayNumber(s.From), DateOnly.FromDayNumber(s.To), s.Multiplier, s.Cancels))];

    /// <summary>Whether day is inside an applying interruption (from ≤ day ≤ to).</summary>
    public bool Covers(DateOnly day) => IndexOf(day) >= 0;

    /// <summary>The largest <c>cancels</c> of the interruptions covering <paramref name="day"/>; 0 when none does.</summary>
    public double CancelShare(DateOnly day) => IndexOf(day) is var i and >= 0 ? segments[i].Cancels : 0.0;

    /// <summary>How many days x with <paramref name="from"/> ≤ x &lt; <paramref name="until"/> are interrupted.</summary>
    public int InterruptedDays(DateOnly from, DateOnly until)
    {
        var count = 0;
        foreach (var segment in segments)
            count += segment.DaysIn(from.DayNumber, until.DayNumber);
        return count;
    }

    /// <summary>
    /// Σ (m_x − 1) over the interrupted days x with <paramref name="from"/> ≤ x &lt; <paramref name="until"/> (model.md, E).
    /// Whole days are counted per multiplier and each count multiplied once, so a calendar with one multiplier gives
    /// exactly version 1's (m − 1) · days.
    /// </summary>
    public double ExtraDays(DateOnly from, DateOnly until)
    {
        var extra = 0.0;
        foreach (var multiplier in multipliers)
        {
            var days = 0;
            foreach (var segment in segments)
            {
                if (segment.Multiplier == multiplier)
                    days += segment.DaysIn(from.DayNumber, until.DayNumber);
            }
            if (days > 0)
                extra += (multiplier - 1.0) * days;
        }
        return extra;
    }

    /// <summary>E(from, until): elapsed days plus <see cref="ExtraDays"/>.</summary>
    public double EffectiveDays(DateOnly from, DateOnly until) => (until.DayNumber - from.DayNumber) + ExtraDays(from, until);

    private int IndexOf(DateOnly day)
    {
        var n = day.DayNumber;
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].From <= n && n <= segments[i].To)
                return i;
        }
        return -1;
    }

    private readonly record struct Segment(int From, int To, double Multiplier, double Cancels)
    {
        /// <summary>Days of this segment in [from, until).</summary>
        public int DaysIn(int from, int until)
        {
            var first = Math.Max(From, from);
            var last = Math.Min(To, until - 1);
            return last >= first ? last - first + 1 : 0;
        }
    }
}
