using Relations.Model.Benchmark;
using Relations.Model.Evaluation;
using ScottPlot;
using ScottPlot.Plottables;

namespace Relations.Plots.Tests;

/// <summary>
/// A plot's cost is its curves (dyads × samples) and the marks it draws, and the marks are bounded by the image's
/// pixels, not by the events behind them (issue 18.5): ten times the events draw well under twice the plottables
/// (the old plots drew a line per occurrence: ten times as many).
/// </summary>
public sealed class PlotCostTests
{
    private static readonly PlotOptions Options = PlotOptions.Default;

    /// <summary>Marks of one kind closer than half a pixel draw as one: at most this many per event marker or tick row.</summary>
    private static readonly int PerRow = 2 * Options.Width + 3;

    private static readonly Lazy<SeriesResult> Small = new(() => Replay(10_000));
    private static readonly Lazy<SeriesResult> Large = new(() => Replay(100_000));

    [Fact]
    public void The_overview_draws_no_more_for_ten_times_the_events()
    {
        var small = Overview(Small.Value);
        var large = Overview(Large.Value);

        Assert.True(Lines(large) <= (Options.MaxEventLabels + 1) * PerRow, $"{Lines(large)} lines");
        Assert.True(large.GetPlottables().Count() <= 1.5 * small.GetPlottables().Count(),
            $"{small.GetPlottables().Count()} plottables for 10,000 events, {large.GetPlottables().Count()} for 100,000");
        // The curves are all the data the plot draws per sample: one point per shown dyad and sample day.
        Assert.All(large.GetPlottables().OfType<Scatter>(), curve => Assert.Equal(Large.Value.Dates.Count, curve.Data.GetScatterPoints().Count));
    }

    [Fact]
    public void A_dyad_plot_draws_no_more_for_ten_times_the_events()
    {
        var small = ForBusiestDyad(Small.Value);
        var large = ForBusiestDyad(Large.Value);

        Assert.True(Lines(large) <= (2 * Options.MaxDyadEventLabels + 4) * PerRow, $"{Lines(large)} lines");
        Assert.True(large.GetPlottables().Count() <= 1.5 * small.GetPlottables().Count(),
            $"{small.GetPlottables().Count()} plottables for 10,000 events, {large.GetPlottables().Count()} for 100,000");
    }

    [Fact]
    public void Ticks_merged_into_pixels_say_how_many_events_they_stand_for()
    {
        var plot = Overview(Large.Value);

        var ticks = Assert.Single(plot.Legend.ManualItems, item => item.LabelText.StartsWith("Other events", StringComparison.Ordinal));
        Assert.Matches(@"^Other events \([0-9,]+\)$", ticks.LabelText);
    }

    private static Plot Overview(SeriesResult result) => RelationPlots.Overview(result, Options);

    private static Plot ForBusiestDyad(SeriesResult result) =>
        RelationPlots.ForDyad(result, result.Dyads.MaxBy(d => d.Scores.Sum(Math.Abs))!.Dyad, Options);

    private static int Lines(Plot plot) => plot.GetPlottables().OfType<VerticalLine>().Count();

    private static SeriesResult Replay(int events) =>
        StreamingEvaluator.Evaluate(SyntheticScenario.Generate(events, 30, seed: 7), SampleStep.Month);
}
