using Relations.Model.Evaluation;

namespace Relations.Plots;

/// <summary>
/// Dyads whose strength curves coincide at every sample, and so does the part of them resting on assumptions (23
/// twinned pairs dated alike), drawn as one line.
/// </summary>
internal sealed record CurveGroup(DyadSeries Series, IReadOnlyList<Dyad> Dyads)
{
    public double Peak { get; } = Series.Strengths.Select(Math.Abs).DefaultIfEmpty(0).Max();

    public static IReadOnlyList<CurveGroup> Of(IEnumerable<DyadSeries> series) =>
        series.OrderBy(s => s.Dyad)
            .GroupBy(s => (IReadOnlyList<double>)[.. s.Strengths, .. s.Parts.Assumed], SameCurve)
            .Select(g => new CurveGroup(g.First(), [.. g.Select(s => s.Dyad)]))
            .ToList();

    /// <summary>Equal when two sample sequences agree to 1e-9 at every point.</summary>
    public static IEqualityComparer<IReadOnlyList<double>> SameCurve { get; } = new CurveComparer();

    private sealed class CurveComparer : IEqualityComparer<IReadOnlyList<double>>
    {
        public bool Equals(IReadOnlyList<double>? x, IReadOnlyList<double>? y) =>
            x is not null && y is not null && x.Count == y.Count && x.Zip(y).All(p => Math.Abs(p.First - p.Second) < 1e-9);

        public int GetHashCode(IReadOnlyList<double> values)
        {
            var hash = new HashCode();
            hash.Add(values.Count);
            foreach (var value in values.Take(400))
                hash.Add(Math.Round(value, 6));
            return hash.ToHashCode();
        }
    }
}
