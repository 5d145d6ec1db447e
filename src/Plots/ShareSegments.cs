namespace Relations.Plots;

/// <summary>
/// A curve cut where its assumption share crosses one half (docs/model.md, "Certainty parts"): the runs of samples where
/// most of the value rests on reported or inferred entries, drawn solid, and those where assumptions carry the larger
/// part, drawn lighter. Consecutive runs share their boundary sample, so the pieces join into one unbroken line.
/// </summary>
internal static class ShareSegments
{
    /// <summary>A value rests mostly on assumptions when more than this share of it is assumed.</summary>
    public const double Threshold = 0.5;

    /// <summary>One run of the curve: samples <see cref="From"/> to <see cref="To"/> (inclusive).</summary>
    public readonly record struct Run(int From, int To, bool Assumed);

    /// <summary>Whether the value with this assumption share is drawn light.</summary>
    public static bool MostlyAssumed(double share) => share > Threshold;

    /// <summary>
    /// The runs of a curve of <paramref name="shares"/>.Count samples. The stretch between two samples takes the status
    /// of the sample it arrives at, so a step caused by an assumed event is drawn light from where it starts.
    /// </summary>
    public static IReadOnlyList<Run> Of(IReadOnlyList<double> shares)
    {
        var runs = new List<Run>();
        if (shares.Count == 0)
            return runs;
        var start = 0;
        var assumed = MostlyAssumed(shares[0]);
        for (var i = 1; i < shares.Count; i++)
        {
            var next = MostlyAssumed(shares[i]);
            if (next == assumed)
                continue;
            // The run so far ends at the sample before i; the stretch into sample i belongs to the new run.
            runs.Add(new Run(start, i - 1, assumed));
            (start, assumed) = (i - 1, next);
        }
        runs.Add(new Run(start, shares.Count - 1, assumed));
        return runs;
    }
}
