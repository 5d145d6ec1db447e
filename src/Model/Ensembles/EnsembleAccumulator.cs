using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// Folds the draws of an ensemble, one replay at a time and in draw order, into the statistics of ensemble.csv.
/// Memory: mean and standard deviation take a fixed <see cref="RunningMoments"/> per cell (dyad × sample day).
/// Exact quantiles need every draw's strength, so up to <see cref="ExactLimit"/> values in all the accumulator keeps
/// one double per draw and cell (at most 400 MB at the limit, the spec's size); above it each cell keeps a
/// <see cref="StrengthHistogram"/> of fixed size instead, so memory no longer grows with the number of draws.
/// A draw's own series is dropped as soon as it is folded.
/// </summary>
public sealed class EnsembleAccumulator
{
    /// <summary>The largest draws × dyads × samples for which quantiles are exact (interfaces.md).</summary>
    public const long ExactLimit = 50_000_000;

    private readonly SeriesResult deterministic;
    private readonly Dictionary<Dyad, int> dyadIndex;
    private readonly int samples;
    private readonly RunningMoments[] scores;
    private readonly RunningMoments[] strengths;
    private readonly double[][]? values;
    private readonly StrengthHistogram[]? histograms;

    public EnsembleAccumulator(SeriesResult deterministic, int draws, long exactLimit = ExactLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        this.deterministic = deterministic;
        Draws = draws;
        samples = deterministic.Dates.Count;
        dyadIndex = deterministic.Dyads.Select((s, i) => (s.Dyad, i)).ToDictionary(x => x.Dyad, x => x.i);
        var cells = deterministic.Dyads.Count * samples;
        scores = new RunningMoments[cells];
        strengths = new RunningMoments[cells];
        Estimated = (long)draws * cells > exactLimit;
        if (Estimated)
            histograms = Enumerable.Range(0, cells).Select(_ => new StrengthHistogram()).ToArray();
        else
            values = Enumerable.Range(0, cells).Select(_ => new double[draws]).ToArray();
    }

    public int Draws { get; }

    /// <summary>The draws folded so far.</summary>
    public int Folded { get; private set; }

    public bool Estimated { get; }

    /// <summary>Folds the next draw (draw <see cref="Folded"/>); its dyads and days must be the deterministic replay's.</summary>
    public void Add(SeriesResult draw)
    {
        if (Folded >= Draws)
            throw new InvalidOperationException($"all {Draws} draws are already folded");
        if (draw.Dyads.Count != deterministic.Dyads.Count || draw.Dates.Count != samples)
            throw new InvalidOperationException("a draw's dyads or sample days differ from the deterministic replay's");
        foreach (var series in draw.Dyads)
        {
            var first = dyadIndex[series.Dyad] * samples;
            for (var t = 0; t < samples; t++)
            {
                var cell = first + t;
                scores[cell].Add(series.Scores[t]);
                strengths[cell].Add(series.Strengths[t]);
                if (values is not null)
                    values[cell][Folded] = series.Strengths[t];
                else
                    histograms![cell].Add(series.Strengths[t]);
            }
        }
        Folded++;
    }

    /// <summary>The statistics of the draws folded, which must be all of them.</summary>
    public EnsembleResult Result()
    {
        if (Folded != Draws)
            throw new InvalidOperationException($"{Folded} of {Draws} draws folded");
        var bands = new List<DyadBands>();
        for (var d = 0; d < deterministic.Dyads.Count; d++)
        {
            var band = new DyadBands(deterministic.Dyads[d].Dyad, new double[samples], new double[samples], new double[samples],
                NearestRank.Percents.Select(_ => new double[samples]).ToArray());
            for (var t = 0; t < samples; t++)
            {
                var cell = d * samples + t;
                band.ScoreMean[t] = scores[cell].Mean;
                band.ScoreSd[t] = scores[cell].SampleStandardDeviation;
                band.StrengthMean[t] = strengths[cell].Mean;
                if (values is not null)
                    Array.Sort(values[cell]);
                for (var j = 0; j < NearestRank.Percents.Count; j++)
                {
                    band.Quantiles[j][t] = values is not null
                        ? NearestRank.Of(values[cell], NearestRank.Percents[j])
                        : histograms![cell].Estimate(NearestRank.Percents[j]);
                }
            }
            bands.Add(band);
        }
        return new EnsembleResult(deterministic, Draws, Estimated, bands);
    }
}
