using System.Globalization;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;
using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// A tornado chart of a sweep for trainers: one bar per relationship and swept key, longest first, spanning the
/// relationship's mean strength from the key's weakest value to its strongest (other keys averaged out,
/// <see cref="Sensitivity"/>), each end labelled with the value that gives it, bars coloured by key.
/// </summary>
public static class SensitivityPlot
{
    public const int MaxBars = 14;

    public static Plot Build(Scenario scenario, SweepResult sweep, IReadOnlyList<SensitivityRow> rows, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        PlotFonts.Ensure();
        var shown = Shown(rows);
        var keys = sweep.Grid.Axes.Select(a => a.Key).ToList();


        var plot = new Plot();
        plot.Font.Set(PlotFonts.Family);
        // Short title and axis label: ScottPlot centres both over the data area, which the dyad labels push right.
        plot.Title(options.Text("Which parameter moves which relationship"), options.FontSize + 4);
        plot.XLabel(options.Text("Mean strength S over the period"), options.FontSize + 1);

        var bars = new List<Bar>();
        var labels = new List<string>();
        for (var i = 0; i < shown.Count; i++)
        {
            var (row, alike) = shown[i];
            var position = shown.Count - 1 - i;
            var color = CurveColors.Get(keys.IndexOf(row.Key));
            bars.Add(new Bar { Position = position, ValueBase = row.MinStrength, Value = row.MaxStrength, FillColor = color, Size = 0.7, LineWidth = 0 });
            labels.Add(PlotNames.DyadShort(scenario, row.Dyad, options.Language)
                + (alike > 0 ? " " + string.Format(CultureInfo.CurrentCulture, options.Text("(+{0} alike)"), alike) : ""));
            AddEndLabel(plot, row.MinStrength, position, $"{row.Key}={Format(row.ValueAtMin)} ", Alignment.MiddleRight, options);
            AddEndLabel(plot, row.MaxStrength, position, $" {row.Key}={Format(row.ValueAtMax)} (Δ {row.Swing:0.#})", Alignment.MiddleLeft, options);
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, shown.Count).Select(p => (double)(shown.Count - 1 - p))], [.. labels]);
        plot.Axes.Left.TickLabelStyle.FontSize = options.FontSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = options.FontSize;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);

        var low = shown.Count == 0 ? 0 : shown.Min(r => r.Row.MinStrength);
        var high = shown.Count == 0 ? 100 : shown.Max(r => r.Row.MaxStrength);
        var pad = Math.Max(10, (high - low) * 0.45);
        plot.Axes.SetLimits(low - pad, high + 1.8 * pad, -0.8, Math.Max(shown.Count, 1) - 0.2);

        foreach (var key in keys)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = key, FillColor = CurveColors.Get(keys.IndexOf(key)) });
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontName = PlotFonts.Family;
        plot.Legend.FontSize = options.FontSize;
        if (shown.Count == 0)
            plot.Add.Annotation(options.Text("No swept value moves any relationship's strength."));
        return plot;
    }

    /// <summary>Writes <c>sensitivity.png</c> and <c>.svg</c>, sized to the bars shown; returns their full paths.</summary>
    public static IReadOnlyList<string> Write(Scenario scenario, SweepResult sweep, IReadOnlyList<SensitivityRow> rows, string directory, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var plot = Build(scenario, sweep, rows, options);
        var height = Math.Max(420, 190 + 38 * Shown(rows).Count);
        return
        [
            RelationPlots.SavePng(plot, Path.Combine(directory, "sensitivity.png"), options.Width, height),
            RelationPlots.SaveSvg(plot, Path.Combine(directory, "sensitivity.svg"), options.Width, height),
        ];
    }

    /// <summary>
    /// The bars drawn: rows of one key whose numbers agree to the 0.1 the labels show (sibling dyads that move alike)
    /// merged into one with a count, then each key's three largest and the largest overall up to <see cref="MaxBars"/>, largest first.
    /// </summary>
    private static List<(SensitivityRow Row, int Alike)> Shown(IReadOnlyList<SensitivityRow> rows)
    {
        var groups = rows.Where(r => r.Swing > 0)
            .GroupBy(r => (r.Key, r.ValueAtMin, Math.Round(r.MinStrength, 1), r.ValueAtMax, Math.Round(r.MaxStrength, 1)))
            .Select(g => (Row: g.First(), Alike: g.Count() - 1))
            .ToList();
        var perKey = groups.GroupBy(g => g.Row.Key).SelectMany(k => k.Take(3));
        return perKey.Concat(groups).Distinct().Take(MaxBars)
            .OrderByDescending(g => g.Row.Swing).ThenBy(g => g.Row.Dyad).ThenBy(g => g.Row.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static void AddEndLabel(Plot plot, double x, double y, string text, Alignment alignment, PlotOptions options)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelAlignment = alignment;
        label.LabelFontSize = options.FontSize - 1;
        label.LabelFontColor = Colors.DimGray;
        label.LabelFontName = PlotFonts.Family;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
