using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// What an ensemble of Monte-Carlo draws says about one dyad, per sample day of the deterministic replay: mean and
/// sample standard deviation of the score, mean of the strength, and strength quantiles by <see cref="NearestRank"/>
/// (<see cref="Quantiles"/>[j] for <see cref="NearestRank.Percents"/>[j]).
/// </summary>
public sealed record DyadBands(
    Dyad Dyad,
    double[] ScoreMean,
    double[] ScoreSd,
    double[] StrengthMean,
    double[][] Quantiles)
{
    public double[] Quantile(int percent) => Quantiles[NearestRankIndex(percent)];

    private static int NearestRankIndex(int percent)
    {
        for (var j = 0; j < NearestRank.Percents.Count; j++)
        {
            if (NearestRank.Percents[j] == percent)
                return j;
        }
        throw new ArgumentOutOfRangeException(nameof(percent), percent, "not one of the reported percentages");
    }
}

/// <summary>
/// An ensemble: the deterministic replay, the number of draws, whether the quantiles are estimates (above
/// <see cref="EnsembleAccumulator.ExactLimit"/>), and the bands of every dyad in the deterministic replay's order.
/// </summary>
public sealed record EnsembleResult(SeriesResult Deterministic, int Draws, bool Estimated, IReadOnlyList<DyadBands> Bands);
