using Relations.Model.Evaluation;

namespace Relations.Dashboard.Views;

/// <summary>
/// How much of a relationship's shown values rests on assumptions (docs/model.md, "Certainty parts"): the strength at
/// the run's last sample and the peak |S| (at its latest sample) that the pages show, each with the share of it that the
/// assumed entries carry, and the largest share the curve reaches. A share over one half is what the plots draw light.
/// </summary>
public sealed record AssumptionShare(
    Dyad Dyad,
    double Strength,
    double Share,
    double Peak,
    double ShareAtPeak,
    double Largest,
    DateOnly? LargestOn)
{
    /// <summary>A value rests mostly on assumptions above this share (the plots' light stretches).</summary>
    public const double Mostly = 0.5;

    /// <summary>Whether the strength at the end or at the peak rests mostly on assumptions.</summary>
    public bool MostlyAssumed => Share > Mostly || ShareAtPeak > Mostly;

    public static AssumptionShare Of(SeriesResult result, DyadSeries series)
    {
        var model = result.Scenario.Model;
        var last = series.Strengths.Count - 1;
        if (last < 0)
            return new AssumptionShare(series.Dyad, 0, 0, 0, 0, 0, null);
        var peakAt = 0;
        var (largest, largestAt) = (0.0, -1);
        for (var i = 0; i < series.Strengths.Count; i++)
        {
            // The latest sample at the peak: a value held since an assumed start and reported later (a twinned pair) is
            // shown as it stands once reported.
            if (Math.Abs(series.Strengths[i]) >= Math.Abs(series.Strengths[peakAt]))
                peakAt = i;
            var share = series.Parts.AssumedShare(i, model);
            if (series.Strengths[i] != 0 && share > largest)
                (largest, largestAt) = (share, i);
        }
        return new AssumptionShare(series.Dyad, series.Strengths[last], series.Parts.AssumedShare(last, model),
            Math.Abs(series.Strengths[peakAt]), series.Parts.AssumedShare(peakAt, model),
            largest, largestAt < 0 ? null : result.Dates[largestAt]);
    }

    /// <summary>The assumed share of a dyad's strength at one sample (0 for a dyad the run does not have).</summary>
    public static double At(SeriesResult result, Dyad dyad, int sample) =>
        result.Dyads.FirstOrDefault(d => d.Dyad == dyad) is { } series ? series.Parts.AssumedShare(sample, result.Scenario.Model) : 0;

    /// <summary>The assumed share of a dyad's strength on a sample day (0 when the run has no such dyad or day).</summary>
    public static double On(SeriesResult result, Dyad dyad, DateOnly day)
    {
        var sample = IndexOf(result.Dates, day);
        return sample < 0 ? 0 : At(result, dyad, sample);
    }

    private static int IndexOf(IReadOnlyList<DateOnly> dates, DateOnly day)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == day)
                return i;
        }
        return -1;
    }

    /// <summary>Every dyad of a run.</summary>
    public static IReadOnlyList<AssumptionShare> All(SeriesResult result) => [.. result.Dyads.Select(d => Of(result, d))];
}
