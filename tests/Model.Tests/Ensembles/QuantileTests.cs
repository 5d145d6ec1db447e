using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Ensembles;

/// <summary>The quantile rule of interfaces.md on known data, the moments, and the estimate above the exact limit.</summary>
public sealed class QuantileTests
{
    [Theory]
    [InlineData(5, 20, 1)]
    [InlineData(25, 20, 5)]
    [InlineData(50, 20, 10)]
    [InlineData(95, 20, 19)]
    [InlineData(5, 3, 1)]
    [InlineData(50, 3, 2)]
    [InlineData(95, 3, 3)]
    [InlineData(5, 100, 5)]
    [InlineData(95, 100, 95)]
    [InlineData(50, 1, 1)]
    [InlineData(75, 7, 6)]
    public void A_quantile_is_the_value_of_nearest_rank_ceiling_of_QQ_percent_of_N(int percent, int n, int rank) =>
        Assert.Equal(rank, NearestRank.Rank(percent, n));

    [Fact]
    public void An_accumulator_gives_the_nearest_rank_quantiles_and_the_n_minus_1_deviation_of_its_draws()
    {
        // One dyad, one sample; strengths 1..20 in a scrambled order, scores 1, 2, 3, 4 then 0s.
        var strengths = Enumerable.Range(1, 20).Select(i => (double)(i * 7 % 20 + 1)).ToArray();
        var accumulator = new EnsembleAccumulator(Series([0.0], [0.0]), strengths.Length);
        foreach (var strength in strengths)
            accumulator.Add(Series([strength / 10], [strength]));

        var bands = accumulator.Result().Bands.Single();

        Assert.Equal([1.0, 5.0, 10.0, 15.0, 19.0], bands.Quantiles.Select(q => q[0]));
        Assert.Equal(10.5, bands.StrengthMean[0], 12);
        var exactSd = Math.Sqrt(Enumerable.Range(1, 20).Sum(i => Math.Pow(i / 10.0 - 1.05, 2)) / 19);
        Assert.Equal(exactSd, bands.ScoreSd[0], 12);
        Assert.False(accumulator.Result().Estimated);
    }

    [Fact]
    public void Above_the_exact_limit_each_quantile_is_within_the_stated_bound_of_the_exact_one()
    {
        var random = new Random(11);
        var draws = Enumerable.Range(0, 501).Select(_ => random.NextDouble() * 190 - 90).ToArray();
        var exact = new EnsembleAccumulator(Series([0.0], [0.0]), draws.Length);
        var estimate = new EnsembleAccumulator(Series([0.0], [0.0]), draws.Length, exactLimit: 100);
        foreach (var strength in draws)
        {
            exact.Add(Series([0.0], [strength]));
            estimate.Add(Series([0.0], [strength]));
        }

        var (exactBands, estimateBands) = (exact.Result().Bands.Single(), estimate.Result().Bands.Single());
        Assert.True(estimate.Estimated);
        foreach (var percent in NearestRank.Percents)
        {
            var error = Math.Abs(exactBands.Quantile(percent)[0] - estimateBands.Quantile(percent)[0]);
            Assert.True(error <= StrengthHistograms.ErrorBound, $"p{percent}: {error} > {StrengthHistograms.ErrorBound}");
        }
        Assert.Equal(exactBands.StrengthMean[0], estimateBands.StrengthMean[0]);
    }

    [Fact]
    public async Task Draws_are_folded_in_draw_order_with_seeds_S_plus_i_whatever_order_they_finish_in()
    {
        var seeds = new List<int>();
        var result = await EnsembleRunner.RunAsync(Series([0.0], [0.0]), 6, 40, async (draw, seed, _) =>
        {
            await Task.Delay((6 - draw) * 3); // later draws finish first
            lock (seeds)
                seeds.Add(seed);
            return Series([seed], [seed]);
        }, concurrency: 6, progress: null, CancellationToken.None);

        Assert.Equal([40, 41, 42, 43, 44, 45], seeds.Order());
        Assert.Equal(42.5, result.Bands.Single().ScoreMean[0], 12);
        Assert.Equal(40, result.Bands.Single().Quantile(5)[0]);
        Assert.Equal(45, result.Bands.Single().Quantile(95)[0]);
    }

    private static SeriesResult Series(double[] scores, double[] strengths) =>
        new(TestScenario.Load(""), SampleStep.Month, [TestScenario.Day("2020-01-01")],
            [new DyadSeries(new Dyad("cn", "vn"), scores, strengths, new CertaintyParts(scores, new double[scores.Length], new double[scores.Length]))]);
}
