using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using ScottPlot;
using ScottPlot.Plottables;

namespace Relations.Plots.Tests;

/// <summary>
/// The plots draw a curve thick where most of its value rests on reported or inferred entries and thin and light where
/// assumptions carry the larger part (issue 20), with a legend key saying so.
/// </summary>
public sealed class AssumptionShareTests
{
    /// <summary>vn–la's share from July: S(8) − S(3) of S(8) (tests/fixtures/assumed-share.yaml says why).</summary>
    private static readonly double Share = (Math.Exp(-0.3) - Math.Exp(-0.8)) / (1 - Math.Exp(-0.8));

    private static SeriesResult Replay()
    {
        // tests/fixtures/assumed-share.yaml: vn–la 0 until July, then (e^−0.3 − e^−0.8) / (1 − e^−0.8); vn–cn 0.
        var scenario = new ScenarioLoader().Load(Path.Combine(AppContext.BaseDirectory, "assumed-share.yaml"));
        return ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
    }

    [Fact]
    public void The_share_of_a_curve_is_the_assumed_part_of_its_strength()
    {
        var result = Replay();
        var shares = CurveShares.OfStrength(result.Dyads.Single(d => d.Dyad == new Dyad("vn", "la")), result.Scenario.Model);

        Assert.All(shares.Take(6), s => Assert.Equal(0.0, s));
        Assert.All(shares.Skip(6), s => Assert.Equal(Share, s, 12));
        Assert.True(Share > 0.5);
    }

    [Fact]
    public void A_stretch_resting_mostly_on_assumptions_is_drawn_thin_and_light_from_the_sample_it_reaches()
    {
        var result = Replay();

        var plot = RelationPlots.ForDyad(result, new Dyad("vn", "la"), PlotOptions.Default with { ShowScore = false });

        var pieces = plot.GetPlottables().OfType<Scatter>().Where(s => s.Data.GetScatterPoints().Count > 1).ToList();
        Assert.Equal(2, pieces.Count);
        var (sure, assumed) = (pieces[0], pieces[1]);
        // January to June in full; the stretch from June into July already rests mostly on the assumed MoU.
        Assert.Equal(6, sure.Data.GetScatterPoints().Count);
        Assert.Equal(7, assumed.Data.GetScatterPoints().Count);
        Assert.Equal(sure.Data.GetScatterPoints()[5], assumed.Data.GetScatterPoints()[0]);
        Assert.Equal(1.0, sure.LineColor.A / 255.0, 2);
        Assert.True(assumed.LineColor.A < sure.LineColor.A / 2, $"alpha {assumed.LineColor.A} against {sure.LineColor.A}");
        Assert.True(assumed.LineWidth < sure.LineWidth / 2, $"width {assumed.LineWidth} against {sure.LineWidth}");
        Assert.Equal(sure.LinePattern, assumed.LinePattern);
        Assert.Equal("Strength S", sure.LegendText);
        Assert.Equal("", assumed.LegendText);
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == StrengthPlot.AssumedKey);
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == StrengthPlot.SureKey);
    }

    [Fact]
    public void A_curve_that_rests_on_what_the_sources_report_is_one_thick_line_and_needs_no_key()
    {
        var result = Replay();

        var plot = RelationPlots.ForDyad(result, new Dyad("vn", "cn"), PlotOptions.Default with { ShowScore = false });

        var curve = Assert.Single(plot.GetPlottables().OfType<Scatter>(), s => s.Data.GetScatterPoints().Count > 1);
        Assert.Equal(result.Dates.Count, curve.Data.GetScatterPoints().Count);
        Assert.DoesNotContain(plot.Legend.ManualItems, i => i.LabelText == StrengthPlot.AssumedKey);
    }

    [Fact]
    public void A_standing_tie_whose_term_rests_on_assumptions_is_a_light_dashed_bar_with_a_key()
    {
        var result = Replay();

        var plot = RelationPlots.ForDyad(result, new Dyad("vn", "la"), PlotOptions.Default with { ShowScore = false });

        // The reported twinning from January and the assumed MoU from July: one bar each, told apart without colour.
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>().ToList();
        Assert.Equal(2, bars.Count);
        var assumed = Assert.Single(bars, b => b.LinePattern.Equals(LinePattern.Dashed));
        var reported = Assert.Single(bars, b => b.LinePattern.Equals(LinePattern.Solid));
        Assert.True(assumed.FillColor.A < reported.FillColor.A / 2, $"fill alpha {assumed.FillColor.A} against {reported.FillColor.A}");
        Assert.Contains(plot.Legend.ManualItems, i => i.LabelText == StrengthPlot.AssumedTermKey);
    }

    [Fact]
    public void The_runs_of_a_curve_share_their_boundary_samples()
    {
        Assert.Equal(
            [new ShareSegments.Run(0, 1, false), new ShareSegments.Run(1, 3, true), new ShareSegments.Run(3, 4, false)],
            ShareSegments.Of([0.0, 0.2, 0.6, 0.9, 0.5]));
        Assert.Equal([new ShareSegments.Run(0, 2, true)], ShareSegments.Of([0.51, 1.0, 0.7]));
        Assert.Empty(ShareSegments.Of([]));
    }
}
