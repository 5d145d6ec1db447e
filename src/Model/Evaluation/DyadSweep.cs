using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>A standing tie on a dyad as day numbers: in force from <see cref="Start"/> until <see cref="Until"/> (exclusive; int.MaxValue for ever).</summary>
public readonly record struct StandingSpan(int Start, int Until, double Value)
{
    public static StandingSpan Of(DateOnly start, DateOnly? until, double value) => new(start.DayNumber, until?.DayNumber ?? int.MaxValue, value);
}

/// <summary>Where a dyad's sweep stands: the day its decayed sum is carried to (int.MinValue before the first impulse) and the sum.</summary>
public record struct SweepPosition(int Cursor, double Decayed)
{
    public static SweepPosition Start => new(int.MinValue, 0.0);
}

/// <summary>
/// One dyad's sweep (model.md, R): impulses in date order folded into a decayed sum that is carried forward by
/// 2^(−E/H) — exact, since E is additive over consecutive spans — and the score of every sample day passed on
/// the way. The streaming evaluator calls it once per dyad; a relationship grain calls it a stretch at a time.
/// </summary>
public static class DyadSweep
{
    /// <summary>
    /// Folds the impulses (sorted by day, none before the cursor, none after <paramref name="through"/>) and scores the
    /// sample days from <paramref name="nextSample"/> up to <paramref name="through"/>; returns the next sample to score.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(
        ref SweepPosition position,
        ReadOnlySpan<int> days,
        ReadOnlySpan<double> amounts,
        ReadOnlySpan<StandingSpan> standing,
        SweepCalendar calendar,
        DecayTable decay,
        ReadOnlySpan<int> sampleDays,
        int nextSample,
        Span<double> scores,
        int through)
    {
        var (cursor, sum) = (position.Cursor, position.Decayed);
        var k = 0;
        var sample = nextSample;
        for (; sample < sampleDays.Length && sampleDays[sample] <= through; sample++)
        {
            var t = sampleDays[sample];
            for (; k < days.Length && days[k] <= t; k++)
            {
                if (days[k] > cursor)
                {
                    if (cursor != int.MinValue)
                        sum *= decay.Between(cursor, days[k], calendar);
                    cursor = days[k];
                }
                sum += amounts[k];
            }
            if (t > cursor)
            {
                if (cursor != int.MinValue)
                    sum *= decay.Between(cursor, t, calendar);
                cursor = t;
            }
            scores[sample] = sum + StandingOn(standing, t);
        }
        for (; k < days.Length; k++)
        {
            if (days[k] > cursor)
            {
                if (cursor != int.MinValue)
                    sum *= decay.Between(cursor, days[k], calendar);
                cursor = days[k];
            }
            sum += amounts[k];
        }
        position = new SweepPosition(cursor, sum);
        return sample;
    }

    /// <summary>The sum of the standing ties in force on day t (model.md rule 2).</summary>
    public static double StandingOn(ReadOnlySpan<StandingSpan> standing, int t)
    {
        var sum = 0.0;
        foreach (var tie in standing)
        {
            if (tie.Start <= t && t < tie.Until)
                sum += tie.Value;
        }
        return sum;
    }

    /// <summary>S of every score (model.md).</summary>
    public static double[] Strengths(ReadOnlySpan<double> scores, ModelParameters model)
    {
        var strengths = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            strengths[i] = StrengthModel.Strength(scores[i], model);
        return strengths;
    }
}
