using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Ensembles;

/// <summary>
/// An ensemble's mean against the exact expectation of model.md rule 5: an occurrence drawn uniformly from the
/// S + 1 days of [from, to] adds w·2^(−(t−u)/H) on day t when it fell on a day u ≤ t, so
/// E[R(t)] = n/(S + 1) · Σ_{u=from}^{min(t, to)} w·2^(−(t−u)/H) for n occurrences, with variance n times one's.
/// </summary>
public sealed class EnsembleExpectationTests
{
    private const int Draws = 400;
    private const double H = 30;

    [Fact]
    public async Task The_mean_score_of_every_dyad_and_day_is_within_four_standard_errors_of_the_exact_expectation()
    {
        var scenario = TestScenario.Load($$"""
            model: { halfLifeDays: {{H}} }
            events:
              - { id: one, date: { from: 2020-03-01, to: 2020-04-09 }, count: 1, kind: visit, between: [vn, cn], source: s }
              - { id: two, date: { from: 2020-03-20, to: 2020-03-29 }, count: 2, kind: host, between: [vn, la], source: s }
            """, from: "2020-02-20", to: "2020-06-30");
        var deterministic = ReferenceEvaluator.Evaluate(scenario, SampleStep.Day);

        var ensemble = await EnsembleRunner.RunAsync(deterministic, Draws, 1000,
            (_, seed, _) => Task.FromResult(ReferenceEvaluator.Evaluate(scenario, SampleStep.Day, seed)), 2, null, CancellationToken.None);

        var cases = new Dictionary<Dyad, (double W, int N, DateOnly From, DateOnly To)>
        {
            [new Dyad("cn", "vn")] = (1.9, 1, TestScenario.Day("2020-03-01"), TestScenario.Day("2020-04-09")),
            [new Dyad("la", "vn")] = (2.8, 2, TestScenario.Day("2020-03-20"), TestScenario.Day("2020-03-29")),
        };
        Assert.Equal(cases.Keys.Order(), ensemble.Bands.Select(b => b.Dyad).Order());
        foreach (var band in ensemble.Bands)
        {
            var (w, n, from, to) = cases[band.Dyad];
            for (var i = 0; i < deterministic.Dates.Count; i++)
            {
                var (mean, variance) = Moments(w, n, from, to, deterministic.Dates[i]);
                var tolerance = variance == 0 ? 1e-12 : 4 * Math.Sqrt(variance / Draws);
                Assert.True(Math.Abs(band.ScoreMean[i] - mean) <= tolerance,
                    $"{band.Dyad} {deterministic.Dates[i]}: mean {band.ScoreMean[i]}, expected {mean} ± {tolerance}");
            }
        }
    }

    /// <summary>Exact mean and variance of R(t) for n independent uniform occurrences of weight w.</summary>
    private static (double Mean, double Variance) Moments(double w, int n, DateOnly from, DateOnly to, DateOnly t)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        double first = 0, second = 0;
        for (var u = from; u <= to && u <= t; u = u.AddDays(1))
        {
            var value = w * Math.Pow(2, -(t.DayNumber - u.DayNumber) / H);
            first += value / days;
            second += value * value / days;
        }
        return (n * first, n * Math.Max(0, second - first * first));
    }
}
