using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// Runs the draws of an ensemble, several at once, and folds them in draw order: draw i replays with seed S + i
/// (model.md rule 5). At most <c>concurrency</c> draws are in flight and a draw is dropped once folded, so the
/// draws' own series never take more than that many replays' memory; folding in order makes the means and
/// standard deviations the same bits whatever order the draws finish in.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>The seed of draw <paramref name="draw"/>: S + i, or null when that passes int.MaxValue.</summary>
    public static int? SeedOf(int seed, int draw) => (long)seed + draw is var s and <= int.MaxValue and >= int.MinValue ? (int)s : null;

    public static async Task<EnsembleResult> RunAsync(
        SeriesResult deterministic,
        int draws,
        int seed,
        Func<int, int, CancellationToken, Task<SeriesResult>> replayDraw,
        int concurrency,
        IProgress<int>? progress,
        CancellationToken cancellation)
    {
        if (SeedOf(seed, draws - 1) is null)
            throw new ArgumentOutOfRangeException(nameof(seed), $"seed {seed} + {draws - 1} draws passes the largest seed");
        var accumulator = new EnsembleAccumulator(deterministic, draws);
        await OrderedWindow.RunAsync(draws, concurrency, (draw, token) => replayDraw(draw, seed + draw, token), (_, result) =>
        {
            accumulator.Add(result);
            progress?.Report(accumulator.Folded);
        }, cancellation);
        return accumulator.Result();
    }
}
