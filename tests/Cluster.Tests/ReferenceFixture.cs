using Relations.Grains.Interfaces;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;

namespace Relations.Cluster.Tests;

/// <summary>The 200,000-event synthetic scenario the cluster tests replay, and its series by the reference engine (computed once).</summary>
public sealed class ReferenceFixture
{
    private const int Events = 200_000;
    private const int Dyads = 1_000;
    private const int Seed = 8;

    /// <summary>Checkpoints after every slice (a calendar year), so a resumed run repeats little.</summary>
    public static RunRequest Request { get; } = new(SyntheticScenario.Generate(Events, Dyads, Seed), SampleStep.Month, null)
    {
        Source = ScenarioSource.FromSynthetic(Events, Dyads, Seed),
        CheckpointEverySlices = 1,
    };

    private readonly SeriesResult expected = ReferenceEvaluator.Evaluate(Request.Scenario, SampleStep.Month);

    public void AssertEqual(SeriesResult actual)
    {
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Dyads.Select(d => d.Dyad), actual.Dyads.Select(d => d.Dyad));
        var worst = 0.0;
        for (var d = 0; d < expected.Dyads.Count; d++)
        {
            for (var i = 0; i < expected.Dates.Count; i++)
                worst = Math.Max(worst, Math.Abs(expected.Dyads[d].Scores[i] - actual.Dyads[d].Scores[i]));
        }
        Assert.True(worst <= 1e-9, $"the series differ from the reference by up to {worst:E2}");
    }
}

[CollectionDefinition(Name)]
public sealed class ReferenceCollection : ICollectionFixture<ReferenceFixture>
{
    public const string Name = "reference";
}
