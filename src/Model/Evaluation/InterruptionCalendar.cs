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
/// The interrupted days of one dyad (model.md rule 3 and E), from the interruptions applying to it, cut into segments
/// where the same interruptions apply. On a day covered by several, the largest decay multiplier and the largest
/// cancelled share count, so a day covered twice counts once. Every engine reads a dyad's cancelled share and E here:
/// a binary search over the segments and a prefix count of interrupted days per multiplier, so a look-up costs a few
/// comparisons however long the calendar.
/// </summary>
public sealed class InterruptionCalendar
{
    private readonly int[] from;
    private readonly int[] to;
    private readonly double[] cancels;

    /// <summary>Index of each segment's multiplier in <see cref="multipliers"/>.</summary>
    private readonly int[] multiplierOf;

    /// <summary>The distinct multipliers of the segments, ascending; E sums whole days per multiplier before multiplying.</summary>
    private readonly double[] multipliers;

    /// <summary>[i · M + k]: the interrupted days of multiplier k in the segments before segment i (M multipliers).</summary>
    private readonly int[] daysBefore;

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
        var segments = new List<(int From, int To, double Multiplier, double Cancels)>();
        for (var b = 0; b + 1 < bounds.Length; b++)
        {
            var (first, last) = (bounds[b], bounds[b + 1] - 1);
            var covering = list.Where(s => s.From.DayNumber <= first && last <= s.To.DayNumber).ToArray();
            if (covering.Length == 0)
                continue;
            var segment = (first, last, covering.Max(s => s.DecayMultiplier), covering.Max(s => s.Cancels));
            if (segments.Count > 0 && segments[^1].To + 1 == first && segments[^1].Multiplier == segment.Item3 && segments[^1].Cancels == segment.Item4)
                segments[^1] = segments[^1] with { To = last };
            else
                segments.Add(segment);
        }
        from = [.. segments.Select(s => s.From)];
        to = [.. segments.Select(s => s.To)];
        cancels = [.. segments.Select(s => s.Cancels)];
        multipliers = [.. segments.Select(s => s.Multiplier).Distinct().Order()];
        multiplierOf = [.. segments.Select(s => Array.IndexOf(multipliers, s.Multiplier))];
        var m = multipliers.Length;
        daysBefore = new int[(segments.Count + 1) * m];
        for (var i = 0; i < segments.Count; i++)
        {
            Array.Copy(daysBefore, i * m, daysBefore, (i + 1) * m, m);
            daysBefore[(i + 1) * m + multiplierOf[i]] += to[i] - from[i] + 1;
        }
    }

    public static InterruptionCalendar Empty { get; } = new(Array.Empty<CalendarSpan>());

    public bool IsEmpty => from.Length == 0;

    /// <summary>The segments in date order: inclusive days with one multiplier and one cancelled share.</summary>
    public IReadOnlyList<CalendarSpan> Segments =>
        [.. from.Select((f, i) => new CalendarSpan(DateOnly.FromDayNumber(f), DateOnly.FromDayNumber(to[i]), multipliers[multiplierOf[i]], cancels[i]))];

    /// <summary>Whether day is inside an applying interruption (from ≤ day ≤ to).</summary>
    public bool Covers(DateOnly day) => IndexOf(day.DayNumber) >= 0;

    /// <summary>The largest <c>cancels</c> of the interruptions covering <paramref name="day"/>; 0 when none does.</summary>
    public double CancelShare(DateOnly day) => CancelShare(day.DayNumber);

    /// <summary>The largest <c>cancels</c> of the interruptions covering the day (a day number); 0 when none does.</summary>
    public double CancelShare(int day) => IndexOf(day) is var i and >= 0 ? cancels[i] : 0.0;

    /// <summary>How many days x with <paramref name="from"/> ≤ x &lt; <paramref name="until"/> are interrupted.</summary>
    public int InterruptedDays(DateOnly from, DateOnly until)
    {
        var days = 0;
        for (var k = 0; k < multipliers.Length; k++)
            days += DaysBefore(until.DayNumber, k) - DaysBefore(from.DayNumber, k);
        return Math.Max(days, 0);
    }

    /// <summary>Σ (m_x − 1) over the interrupted days x with <paramref name="from"/> ≤ x &lt; <paramref name="until"/> (model.md, E).</summary>
    public double ExtraDays(DateOnly from, DateOnly until) => ExtraDays(from.DayNumber, until.DayNumber);

    /// <summary>
    /// Σ (m_x − 1) over the interrupted days x with a ≤ x &lt; b (day numbers). Whole days are counted per multiplier
    /// and each count multiplied once, so a calendar with one multiplier gives exactly version 1's (m − 1) · days.
    /// </summary>
    public double ExtraDays(int a, int b)
    {
        if (b <= a || from.Length == 0 || b <= from[0] || a > to[^1])
            return 0.0;
        var extra = 0.0;
        for (var k = 0; k < multipliers.Length; k++)
        {
            var days = DaysBefore(b, k) - DaysBefore(a, k);
            if (days > 0)
                extra += (multipliers[k] - 1.0) * days;
        }
        return extra;
    }

    /// <summary>E(from, until): elapsed days plus <see cref="ExtraDays(int, int)"/>.</summary>
    public double EffectiveDays(DateOnly from, DateOnly until) => (until.DayNumber - from.DayNumber) + ExtraDays(from, until);

    /// <summary>The interrupted days of multiplier k before <paramref name="day"/>.</summary>
    private int DaysBefore(int day, int k)
    {
        var i = LastStartingAtOrBefore(day - 1);
        if (i < 0)
            return 0;
        var m = multipliers.Length;
        return daysBefore[i * m + k] + (multiplierOf[i] == k ? Math.Min(to[i], day - 1) - from[i] + 1 : 0);
    }

    private int IndexOf(int day)
    {
        var i = LastStartingAtOrBefore(day);
        return i >= 0 && day <= to[i] ? i : -1;
    }

    private int LastStartingAtOrBefore(int day)
    {
        var (lo, hi) = (0, from.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (from[mid] <= day)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return hi;
    }
}
