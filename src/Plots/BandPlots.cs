using Relations.Model.Ensembles;
using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// Plots of an ensemble: each dyad's deterministic curve, with its events, terms and interruptions as a replay
/// draws them, over the bands the Monte-Carlo draws span — 5–95 % light, 25–75 % darker.
/// </summary>
public static class BandPlots
{
    private static readonly Color BandColor = new("#1f77b4");

    /// <summary>One dyad (index <paramref name="dyadIndex"/> of the ensemble) with its bands.</summary>
    public static Plot ForDyad(EnsembleResult ensemble, int dyadIndex, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var replay = ensemble.Deterministic;
        var band = ensemble.Bands[dyadIndex];
        var caption = options.Caption ?? $"{replay.Scenario.Title}\n{RelationPlots.Caption(replay.Scenario, [band.Dyad])}\n" +
            $"Bands: 90 % (light) and 50 % (dark) of {ensemble.Draws} draws placing events known only by a date range " +
            "on random days of it; line: each on its range's middle" +
            (ensemble.Estimated ? $" (band edges estimated within ±{StrengthHistograms.ErrorBound:0.##})" : "");
        // The score axis is left out: its scale would not match the bands.
        var plot = RelationPlots.ForDyad(replay, band.Dyad, options with { Caption = caption, ShowScore = false });
        var xs = replay.Dates.Select(StrengthPlot.X).ToArray();
        var inner = plot.Add.FillY(xs, band.Quantile(25), band.Quantile(75));
        Style(inner, BandColor.WithAlpha(0.35), "25–75 % of draws");
        var outer = plot.Add.FillY(xs, band.Quantile(5), band.Quantile(95));
        Style(outer, BandColor.WithAlpha(0.15), "5–95 % of draws");
        // Behind the curve and the event marks, which stay readable on top.
        plot.MoveToBack(inner);
        plot.MoveToBack(outer);
        return plot;
    }

    /// <summary>
    /// Writes the deterministic overview (<c>overview.png</c>/<c>.svg</c>) and every dyad's band plot under
    /// <c>dyads/</c>, named as replay names them; returns the full paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(EnsembleResult ensemble, string directory, PlotOptions? options = null, bool dyads = true)
    {
        options ??= PlotOptions.Default;
        var jobs = new List<(Func<Plot> Build, string Stem)> { (() => RelationPlots.Overview(ensemble.Deterministic, options), Path.Combine(directory, "overview")) };
        if (dyads)
        {
            for (var d = 0; d < ensemble.Bands.Count; d++)
            {
                var index = d;
                jobs.Add((() => ForDyad(ensemble, index, options), Path.Combine(directory, "dyads", PlotNames.FileStem(ensemble.Bands[index].Dyad))));
            }
        }
        // Plots are independent: built and saved in parallel, as a replay's are.
        var written = new string[jobs.Count][];
        Parallel.For(0, jobs.Count, i =>
        {
            var plot = jobs[i].Build();
            written[i] =
            [
                RelationPlots.SavePng(plot, jobs[i].Stem + ".png", options.Width, options.Height),
                RelationPlots.SaveSvg(plot, jobs[i].Stem + ".svg", options.Width, options.Height),
            ];
        });
        return [.. written.SelectMany(w => w)];
    }

    private static void Style(ScottPlot.Plottables.FillY fill, Color color, string legend)
    {
        fill.FillColor = color;
        fill.LineWidth = 0;
        fill.LegendText = legend;
    }
}
