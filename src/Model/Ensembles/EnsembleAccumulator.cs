using System.Numerics;
using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// Folds the draws of an ensemble, one replay at a time and in draw order, into the statistics of ensemble.csv.
/// A draw comes either as a <see cref="SeriesResult"/> or as its scores and strengths laid out cell by cell (dyad
/// by dyad in the deterministic replay's order, each dyad's sample days in order: <see cref="Cells"/> values), the
/// form a worker of the cluster sends.
/// Memory: mean and standard deviation take fixed arrays per cell (dyad × sample day), updated by Welford's rule
/// (which stays accurate where the sum-of-squares formula cancels) a vector of cells at a time; values must come in
/// the same order for the same bits (draw order). MathNet.Numerics' RunningStatistics does the same one value at a
/// time; a dependency for ten lines was not worth it.
/// Exact quantiles need every draw's strength, so up to <see cref="ExactLimit"/> values in all the accumulator keeps
/// each draw's strengths (at most 400 MB at the limit, the spec's size); above it each cell keeps a
/// <see cref="StrengthHistograms"/> row of fixed size instead, so memory no longer grows with the number of draws.
/// A draw's own series is dropped as soon as it is folded.
/// </summary>
public sealed class EnsembleAccumulator
{
    /// <summary>The largest draws × dyads × samples for which quantiles are exact (interfaces.md).</summary>
    public const long ExactLimit = 50_000_000;

    private readonly SeriesResult deterministic;
    private readonly Dictionary<Dyad, int> dyadIndex;
    private readonly int samples;
    private readonly double[] scoreMean;
    private readonly double[] scoreM2;
    private readonly double[] strengthMean;
    private readonly double[] strengthM2;
    private readonly double[][]? values;
    private readonly StrengthHistograms? histograms;
    private double[]? scratchScores;
    private double[]? scratchStrengths;

    public EnsembleAccumulator(SeriesResult deterministic, int draws, long exactLimit = ExactLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        this.deterministic = deterministic;
        Draws = draws;
        samples = deterministic.Dates.Count;
        dyadIndex = deterministic.Dyads.Select((s, i) => (s.Dyad, i)).ToDictionary(x => x.Dyad, x => x.i);
        Cells = deterministic.Dyads.Count * samples;
        (scoreMean, scoreM2, strengthMean, strengthM2) = (new double[Cells], new double[Cells], new double[Cells], new double[Cells]);
        Estimated = (long)draws * Cells > exactLimit;
        if (Estimated)
            histograms = new StrengthHistograms(Cells);
        else
            values = new double[draws][];
    }

    public int Draws { get; }

    /// <summary>Dyads × sample days: the length of a draw's scores and strengths in cell order.</summary>
    public int Cells { get; }

    /// <summary>The draws folded so far.</summary>
    public int Folded { get; private set; }

    public bool Estimated { get; }

    /// <summary>Folds the next draw (draw <see cref="Folded"/>); its dyads and days must be the deterministic replay's.</summary>
    public void Add(SeriesResult draw)
    {
        if (draw.Dyads.Count != deterministic.Dyads.Count || draw.Dates.Count != samples)
            throw new InvalidOperationException("a draw's dyads or sample days differ from the deterministic replay's");
        scratchScores ??= new double[Cells];
        scratchStrengths ??= new double[Cells];
        foreach (var series in draw.Dyads)
        {
            var first = dyadIndex[series.Dyad] * samples;
            for (var t = 0; t < samples; t++)
            {
                scratchScores[first + t] = series.Scores[t];
                scratchStrengths[first + t] = series.Strengths[t];
            }
        }
        Add(scratchScores, scratchStrengths);
    }

    /// <summary>Folds the next draw given cell by cell (<see cref="Cells"/> scores and strengths).</summary>
    public void Add(ReadOnlySpan<double> scores, ReadOnlySpan<double> strengths)
    {
        if (Folded >= Draws)
            throw new InvalidOperationException($"all {Draws} draws are already folded");
        if (scores.Length != Cells || strengths.Length != Cells)
            throw new InvalidOperationException($"a draw has {scores.Length} cells where the deterministic replay has {Cells}");
        Folded++;
        Welford(scoreMean, scoreM2, scores, Folded);
        Welford(strengthMean, strengthM2, strengths, Folded);
        if (values is not null)
            values[Folded - 1] = strengths.ToArray();
        else
            histograms!.Add(strengths);
    }

    /// <summary>
    /// Welford's update on every cell: delta = x − mean; mean += delta / n; m2 += delta · (x − mean), in that order and
    /// without fused multiply-add, so a vector lane computes the bits a scalar would.
    /// </summary>
    private static void Welford(Span<double> mean, Span<double> m2, ReadOnlySpan<double> x, int count)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var n = new Vector<double>(count);
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var value = new Vector<double>(x[i..]);
                var oldMean = new Vector<double>(mean[i..]);
                var delta = value - oldMean;
                var newMean = oldMean + delta / n;
                var newM2 = new Vector<double>(m2[i..]) + delta * (value - newMean);
                newMean.CopyTo(mean[i..]);
                newM2.CopyTo(m2[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            var delta = x[i] - mean[i];
            mean[i] += delta / count;
            m2[i] += delta * (x[i] - mean[i]);
        }
    }

    /// <summary>The statistics of the draws folded, which must be all of them.</summary>
    public EnsembleResult Result()
    {
        if (Folded != Draws)
            throw new InvalidOperationException($"{Folded} of {Draws} draws folded");
        var bands = deterministic.Dyads.Select(s => new DyadBands(s.Dyad, new double[samples], new double[samples], new double[samples],
            NearestRank.Percents.Select(_ => new double[samples]).ToArray())).ToList();
        for (var cell = 0; cell < Cells; cell++)
        {
            var (band, t) = (bands[cell / samples], cell % samples);
            band.ScoreMean[t] = scoreMean[cell];
            band.ScoreSd[t] = SampleDeviation(scoreM2[cell]);
            band.StrengthMean[t] = strengthMean[cell];
            if (histograms is not null)
            {
                for (var j = 0; j < NearestRank.Percents.Count; j++)
                    band.Quantiles[j][t] = histograms.Estimate(cell, NearestRank.Percents[j]);
            }
        }
        if (values is not null)
            ExactQuantiles(bands);
        return new EnsembleResult(deterministic, Draws, Estimated, bands);
    }

    /// <summary>
    /// Each cell's quantiles from its column of the draws' strengths. The draws are kept row by row (as they came),
    /// so the columns are gathered a block of neighbouring cells at a time: each draw's row is read in runs of
    /// <see cref="Block"/> values rather than one value per cache line.
    /// </summary>
    private void ExactQuantiles(List<DyadBands> bands)
    {
        var columns = new double[Block * Draws];
        for (var first = 0; first < Cells; first += Block)
        {
            var width = Math.Min(Block, Cells - first);
            for (var draw = 0; draw < Draws; draw++)
            {
                var row = values![draw].AsSpan(first, width);
                for (var c = 0; c < width; c++)
                    columns[c * Draws + draw] = row[c];
            }
            for (var c = 0; c < width; c++)
            {
                var cell = first + c;
                NearestRank.Select(columns.AsSpan(c * Draws, Draws), bands[cell / samples].Quantiles, cell % samples);
            }
        }
    }

    /// <summary>Cells gathered at once for their quantiles: 64 doubles are 8 cache lines of each draw's row.</summary>
    private const int Block = 64;

    /// <summary>The sample standard deviation: n − 1 in the denominator; 0 for fewer than two values.</summary>
    private double SampleDeviation(double m2) => Folded < 2 ? 0.0 : Math.Sqrt(m2 / (Folded - 1));
}
