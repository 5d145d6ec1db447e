using System.Runtime.CompilerServices;
using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// A standing tie on a dyad as day numbers: in force from <see cref="Start"/> until <see cref="Until"/> (exclusive;
/// int.MaxValue for ever), counting in the certainty part <see cref="Level"/> (model.md rules 2 and 9).
/// </summary>
public readonly record struct StandingSpan(int Start, int Until, double Value, Certainty Level = Certainty.Reported)
{
    public static StandingSpan Of(DateOnly start, DateOnly? until, double value, Certainty Level = Certainty.Reported) =>
        new(start.DayNumber, until?.DayNumber ?? int.MaxValue, value, Level);
}

/// <summary>
/// Where a dyad's sweep stands: the day its decayed sums are carried to (int.MinValue before the first impulse) and
/// the decayed sum of each certainty part (model.md rule 9).
/// </summary>
public record struct SweepPosition(int Cursor, double Reported, double Inferred, double Assumed)
{
    public static SweepPosition Start => new(int.MinValue, 0.0, 0.0, 0.0);
}

/// <summary>A dyad's R by certainty part at each sample day, as a sweep writes it (model.md rule 9).</summary>
public readonly ref struct PartScores(Span<double> reported, Span<double> inferred, Span<double> assumed)
{
    public Span<double> Reported { get; } = reported;
    public Span<double> Inferred { get; } = inferred;
    public Span<double> Assumed { get; } = assumed;
}

/// <summary>
/// One dyad's sweep (model.md, R): impulses in date order folded into decayed sums, one per certainty part, carried
/// forward by 2^(−E/H) — exact, since E is additive over consecutive spans — and the parts of every sample day passed
/// on the way. The streaming evaluator calls it once per dyad; a relationship grain calls it a stretch at a time.
/// </summary>
public static class DyadSweep
{
    /// <summary>
    /// Folds the impulses (sorted by day, none before the cursor, none after <paramref name="through"/>; each with its
    /// certainty part in <paramref name="levels"/>) and writes the parts of the sample days from
    /// <paramref name="nextSample"/> up to <paramref name="through"/>; returns the next sample to write.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Run(
        ref SweepPosition position,
        ReadOnlySpan<int> days,
        ReadOnlySpan<double> amounts,
        ReadOnlySpan<Certainty> levels,
        ReadOnlySpan<StandingSpan> standing,
        InterruptionCalendar calendar,
        DecayTable decay,
        ReadOnlySpan<int> sampleDays,
        int nextSample,
        PartScores scores,
        int through)
    {
        var (k, at) = (0, position);
        var sample = nextSample;
        for (; sample <= sampleDays.Length; sample++)
        {
            // The last round (sample == Length, or a sample past 'through') folds the rest without writing.
            var end = sample < sampleDays.Length && sampleDays[sample] <= through;
            var t = end ? sampleDays[sample] : int.MaxValue;
            for (; k < days.Length && days[k] <= t; k++)
                Fold(ref at, days[k], amounts[k], levels[k], decay, calendar);
            if (!end)
                break;
            CarryTo(ref at, t, decay, calendar);
            var (tiesReported, tiesInferred, tiesAssumed) = StandingOn(standing, t);
            scores.Reported[sample] = at.Reported + tiesReported;
            scores.Inferred[sample] = at.Inferred + tiesInferred;
            scores.Assumed[sample] = at.Assumed + tiesAssumed;
        }
        position = at;
        return sample;
    }

    /// <summary>
    /// Folds one impulse of <paramref name="amount"/> on <paramref name="day"/> (not before the cursor) into its certainty
    /// part's sum, the sums first carried to that day (<see cref="CarryTo"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fold(ref SweepPosition position, int day, double amount, Certainty level, DecayTable decay, InterruptionCalendar calendar)
    {
        CarryTo(ref position, day, decay, calendar);
        switch (level)
        {
            case Certainty.Reported: position.Reported += amount; break;
            case Certainty.Inferred: position.Inferred += amount; break;
            default: position.Assumed += amount; break;
        }
    }

    /// <summary>
    /// Carries the decayed sums forward to day <paramref name="t"/>, each multiplied by 2^(−E/H) over the days since
    /// the cursor (nothing to decay before the first impulse); a day not after the cursor leaves them as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CarryTo(ref SweepPosition position, int t, DecayTable decay, InterruptionCalendar calendar)
    {
        if (t <= position.Cursor)
            return;
        if (position.Cursor != int.MinValue)
        {
            var share = decay.Between(position.Cursor, t, calendar);
            (position.Reported, position.Inferred, position.Assumed) = (position.Reported * share, position.Inferred * share, position.Assumed * share);
        }
        position.Cursor = t;
    }

    /// <summary>The sums, by certainty part, of the standing ties in force on day t (model.md rules 2 and 9).</summary>
    public static (double Reported, double Inferred, double Assumed) StandingOn(ReadOnlySpan<StandingSpan> standing, int t)
    {
        var (reported, inferred, assumed) = (0.0, 0.0, 0.0);
        foreach (var tie in standing)
        {
            if (tie.Start <= t && t < tie.Until)
            {
                switch (tie.Level)
                {
                    case Certainty.Reported: reported += tie.Value; break;
                    case Certainty.Inferred: inferred += tie.Value; break;
                    default: assumed += tie.Value; break;
                }
            }
        }
        return (reported, inferred, assumed);
    }

    /// <summary>R (<see cref="CertaintyParts.Sum"/> of the parts) and S at every sample (model.md).</summary>
    public static DyadSeries Series(Dyad dyad, double[] reported, double[] inferred, double[] assumed, ModelParameters model)
    {
        var parts = new CertaintyParts(reported, inferred, assumed);
        var scores = parts.Scores();
        return new DyadSeries(dyad, scores, Strengths(scores, model), parts);
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
