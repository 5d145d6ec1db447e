using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using ScottPlot;

namespace Relations.Plots;

/// <summary>A class's variants of one relationship over its base: the base thick and black, each student's curve in a colour of its own.</summary>
public static partial class RelationPlots
{
    /// <summary>
    /// The class board's chart: <paramref name="baseStrengths"/> of <paramref name="dyad"/> (solid, black) and each named
    /// curve over the same <paramref name="dates"/> (one colour each, dashes varying so colour never carries meaning alone).
    /// </summary>
    public static Plot ClassBoard(Scenario scenario, Dyad dyad, IReadOnlyList<DateOnly> dates, IReadOnlyList<double>? baseStrengths,
        IReadOnlyList<(string Name, IReadOnlyList<double> Strengths)> curves, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var title = $"{PlotNames.DyadShort(scenario, dyad, options.Language)}: the class's variants over the base";
        var caption = curves.Count switch
        {
            0 => "Black: the base. No student's variant has finished a run yet.",
            1 => "Black: the base; 1 student's variant.",
            _ => $"Black: the base; {curves.Count} students' variants.",
        };
        var plot = new StrengthPlot(scenario.Period, options, title, caption);
        SetStrengthRange(plot, curves.SelectMany(c => c.Strengths).Concat(baseStrengths ?? []));
        var palette = new ScottPlot.Palettes.Category20();
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        for (var i = 0; i < curves.Count; i++)
            plot.AddCurve(dates, curves[i].Strengths, palette.GetColor(i), curves[i].Name, patterns[i % patterns.Length], width: 1.8f);
        if (baseStrengths is not null)
            plot.AddCurve(dates, baseStrengths, Colors.Black, "base", LinePattern.Solid, width: 3.5f);
        ShadeInterruptions(plot, scenario, [dyad]);
        ShowLegendBelow(plot.Plot, options);
        return plot.Finish(maxLanes: 0);
    }
}
