namespace Relations.Model.Evaluation;

/// <summary>
/// An <see cref="InterruptionCalendar"/> laid out for the streaming sweep: its segments as day numbers with a prefix
/// sum of extra days, so the share a partial interruption cancels and E's extra days (model.md rule 3 and E) cost a
/// binary search over a few segments instead of a walk over every interruption.
/// </summary>
public sealed class SweepCalendar
{
    private readonly int[] from;
    private readonly int[] to;
    private readonly double[] extraPerDay;
    private readonly double[] cancels;

    /// <summary>Σ (m − 1) · days of the segments before segment i.</summary>
    private readonly double[] extraBefore;

    public SweepCalendar(InterruptionCalendar calendar)
    {
        var segments = calendar.Segments;
        var n = segments.Count;
        (from, to, extraPerDay, cancels, extraBefore) = (new int[n], new int[n], new double[n], new double[n], new double[n + 1]);
        for (var i = 0; i < n; i++)
        {
            var s = segments[i];
            (from[i], to[i], extraPerDay[i], cancels[i]) = (s.From.DayNumber, s.To.DayNumber, s.DecayMultiplier - 1.0, s.Cancels);
            extraBefore[i + 1] = extraBefore[i] + extraPerDay[i] * (to[i] - from[i] + 1);
        }
    }

    public static SweepCalendar Empty { get; } = new(InterruptionCalendar.Empty);

    public bool IsEmpty => from.Length == 0;

    /// <summary>The largest <c>cancels</c> of the interruptions covering the day; 0 when none does.</summary>
    public double CancelShare(int day)
    {
        var i = LastStartingAtOrBefore(day);
        return i >= 0 && day <= to[i] ? cancels[i] : 0.0;
    }

    /// <summary>Σ (m_x − 1) over interrupted days x with a ≤ x &lt; b (a ≤ b).</summary>
    public double ExtraDays(int a, int b) => from.Length == 0 || a == b ? 0.0 : ExtraBefore(b) - ExtraBefore(a);

    /// <summary>Σ (m_x − 1) over interrupted days x &lt; day.</summary>
    private double ExtraBefore(int day)
    {
        var i = LastStartingAtOrBefore(day - 1);
        return i < 0 ? 0.0 : extraBefore[i] + extraPerDay[i] * (Math.Min(to[i], day - 1) - from[i] + 1);
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
