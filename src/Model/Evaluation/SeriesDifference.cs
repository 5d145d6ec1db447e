namespace Relations.Model.Evaluation;

/// <summary>
/// How far two results of one scenario lie apart (engines must agree to 1e-9): the largest difference of any score,
/// certainty part (model.md rule 9) or strength, and where it is.
/// </summary>
public static class SeriesDifference
{
    /// <summary>The largest difference and a sentence saying where; infinity when the sample days or the dyads differ.</summary>
    public static (double Difference, string Where) Largest(SeriesResult a, SeriesResult b)
    {
        if (!a.Dates.SequenceEqual(b.Dates))
            return (double.PositiveInfinity, "the sample days differ");
        if (!a.Dyads.Select(d => d.Dyad).SequenceEqual(b.Dyads.Select(d => d.Dyad)))
            return (double.PositiveInfinity, "the dyads differ");
        var (largest, where) = (0.0, "nowhere");
        for (var d = 0; d < a.Dyads.Count; d++)
        {
            var (x, y) = (a.Dyads[d], b.Dyads[d]);
            for (var i = 0; i < a.Dates.Count; i++)
            {
                Compare("score", x.Scores[i], y.Scores[i]);
                Compare("score_reported", x.Parts.Reported[i], y.Parts.Reported[i]);
                Compare("score_inferred", x.Parts.Inferred[i], y.Parts.Inferred[i]);
                Compare("score_assumed", x.Parts.Assumed[i], y.Parts.Assumed[i]);
                Compare("strength", x.Strengths[i], y.Strengths[i]);

                void Compare(string what, double p, double q)
                {
                    var difference = Math.Abs(p - q);
                    if (difference > largest || double.IsNaN(difference))
                        (largest, where) = (double.IsNaN(difference) ? double.PositiveInfinity : difference, $"{what} of {x.Dyad} on {a.Dates[i]:yyyy-MM-dd}: {p:R} vs {q:R}");
                }
            }
        }
        return (largest, where);
    }
}
