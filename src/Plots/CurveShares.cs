using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Plots;

/// <summary>
/// How much of each sample of a curve rests on assumptions (docs/model.md, "Certainty parts"): for S the assumed part of
/// the strength over the strength, for R the assumed part of the score over the score; 0 where the value is 0.
/// </summary>
public static class CurveShares
{
    public static double[] OfStrength(DyadSeries series, ModelParameters model)
    {
        var shares = new double[series.Strengths.Count];
        for (var i = 0; i < shares.Length; i++)
            shares[i] = series.Parts.AssumedShare(i, model);
        return shares;
    }

    public static double[] OfScore(DyadSeries series)
    {
        var shares = new double[series.Scores.Count];
        for (var i = 0; i < shares.Length; i++)
            shares[i] = series.Scores[i] == 0.0 ? 0.0 : series.Parts.Assumed[i] / series.Scores[i];
        return shares;
    }
}
