namespace Relations.Model.Ensembles;

/// <summary>
/// Mean and sample variance of a stream of values by Welford's update, which stays accurate where the
/// sum-of-squares formula cancels. Values must come in the same order for the same bits (draw order).
/// MathNet.Numerics' RunningStatistics does the same; a dependency for ten lines was not worth it.
/// </summary>
public struct RunningMoments
{
    private double m2;

    public int Count { get; private set; }

    public double Mean { get; private set; }

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        m2 += delta * (value - Mean);
    }

    /// <summary>The sample standard deviation (n − 1 in the denominator); 0 for fewer than two values.</summary>
    public readonly double SampleStandardDeviation => Count < 2 ? 0.0 : Math.Sqrt(m2 / (Count - 1));
}
