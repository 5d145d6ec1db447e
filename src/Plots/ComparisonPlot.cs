using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using ScottPlot;
using ScottPlot.MultiplotLayouts;

namespace Relations.Plots;

/// <summary>Base against variant: both curves of each dyad that differs, and their difference in a lower panel.</summary>
internal static class ComparisonPlot
{
    private const double Unchanged = 1e-9;

    public static Multiplot Build(SeriesResult baseResult, SeriesResult other, PlotOptions options)
    {
        var scenario = baseResult.Scenario;
        var variant = other.Scenario;
        var changed = Differences(baseResult, other);
        // Dyads whose two curves both coincide (twinned pairs dated alike) are drawn once.
        var groups = changed
            .GroupBy(c => (IReadOnlyList<double>)[.. c.Base, .. c.Variant, .. c.BaseShares, .. c.VariantShares], CurveGroup.SameCurve)
            .Select(g => (Change: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Change.MaxChange).ThenBy(g => g.Change.Dyad)
            .ToList();
        var shownGroups = groups.Take(options.MaxDyads).ToList();
        var shown = shownGroups.Select(g => g.Change).ToList();
        var period = new Period(Min(scenario.Period.From, variant.Period.From), Max(scenario.Period.To, variant.Period.To));

        var shownDyads = shownGroups.Sum(g => g.Count);
        var caption = $"Solid: base ({scenario.Id}); dashed: variant ({variant.Id}). " + (changed.Count switch
        {
            0 => "The variant changes no dyad's strength.",
            1 => "1 dyad differs.",
            _ when shownGroups.Count < groups.Count => $"{changed.Count} dyads differ; showing the {shownDyads} that differ most.",
            _ => $"{changed.Count} dyads differ.",
        });
        if (shownGroups.Any(g => g.Count > 1))
            caption += "\nDyads whose curves coincide share one line.";
        var upperHeight = options.CompareHeight * 2 / 3;
        var upperOptions = options with { Height = upperHeight };
        var lowerOptions = options with { Height = options.CompareHeight - upperHeight };

        var upper = new StrengthPlot(period, upperOptions, $"{scenario.Title}: base vs variant", caption);
        var lowerTitle = "Difference: S(variant) − S(base)";
        var lower = new StrengthPlot(period, lowerOptions, lowerTitle, null, "ΔS", titleSize: 2);
        var (low, high) = DeltaRange(shown);
        lower.SetRange(low, high);

        RelationPlots.SetStrengthRange(upper, shown.SelectMany(c => c.Base.Concat(c.Variant)));

        for (var i = 0; i < shown.Count; i++)
        {
            var color = CurveColors.Get(i);
            var c = shown[i];
            var name = PlotNames.DyadShort(scenario, c.Dyad, options.Language);
            if (shownGroups[i].Count > 1)
                name += $" (+{shownGroups[i].Count - 1} alike)";
            upper.AddCurve(c.Dates, c.Base, color, name, LinePattern.Solid, assumedShares: c.BaseShares);
            upper.AddCurve(c.Dates, c.Variant, color, null, LinePattern.Dashed, assumedShares: c.VariantShares);
            lower.AddCurve(c.Dates, c.Delta, color, null, LinePattern.Solid);
        }
        upper.Plot.Legend.ManualItems.Add(StyleItem("solid: base", LinePattern.Solid));
        upper.Plot.Legend.ManualItems.Add(StyleItem("dashed: variant", LinePattern.Dashed));

        var dyads = shown.Select(c => c.Dyad).ToList();
        ShadeInterruptions(upper, lower, scenario, variant, dyads);

        RelationPlots.ShowLegendBelow(upper.Plot, options);
        lower.Plot.HideLegend();
        upper.Finish(maxLanes: 0);
        lower.Finish(maxLanes: 0);
        AlignDataAreas(upper.Plot, upperOptions, lower.Plot, lowerOptions);

        var multiplot = new Multiplot();
        multiplot.Reset(upper.Plot);
        multiplot.AddPlot(lower.Plot);
        var grid = new CustomGrid();
        grid.Set(upper.Plot, new GridCell(0, 0, 3, 1, 2, 1));
        grid.Set(lower.Plot, new GridCell(2, 0, 3, 1, 1, 1));
        multiplot.Layout = grid;
        return multiplot;
    }

    /// <summary>
    /// One dyad's strength in both runs on their common sample days, the largest change, and how much of each strength
    /// rests on assumptions (the two curves are drawn lighter where it is more than half).
    /// </summary>
    private sealed record Change(Dyad Dyad, DateOnly[] Dates, double[] Base, double[] Variant, double[] Delta, double MaxChange,
        double[] BaseShares, double[] VariantShares);

    private static List<Change> Differences(SeriesResult baseResult, SeriesResult other)
    {
        var otherIndex = other.Dates.Select((day, i) => (day, i)).ToDictionary(p => p.day, p => p.i);
        var common = baseResult.Dates.Select((day, i) => (Day: day, Base: i))
            .Where(p => otherIndex.ContainsKey(p.Day))
            .Select(p => (p.Day, p.Base, Other: otherIndex[p.Day]))
            .ToList();
        var baseByDyad = baseResult.Dyads.ToDictionary(d => d.Dyad);
        var otherByDyad = other.Dyads.ToDictionary(d => d.Dyad);
        var changes = new List<Change>();
        foreach (var dyad in baseByDyad.Keys.Union(otherByDyad.Keys).Order())
        {
            // A dyad that only one run tracks has S = 0 in the other: its events are all gone, or all new.
            var b = common.Select(p => baseByDyad.TryGetValue(dyad, out var s) ? s.Strengths[p.Base] : 0.0).ToArray();
            var v = common.Select(p => otherByDyad.TryGetValue(dyad, out var s) ? s.Strengths[p.Other] : 0.0).ToArray();
            var delta = v.Zip(b, (x, y) => x - y).ToArray();
            var max = delta.Select(Math.Abs).DefaultIfEmpty(0).Max();
            if (max <= Unchanged)
                continue;
            var baseShares = common.Select(p => baseByDyad.TryGetValue(dyad, out var s) ? s.Parts.AssumedShare(p.Base, baseResult.Scenario.Model) : 0.0).ToArray();
            var variantShares = common.Select(p => otherByDyad.TryGetValue(dyad, out var s) ? s.Parts.AssumedShare(p.Other, other.Scenario.Model) : 0.0).ToArray();
            changes.Add(new Change(dyad, [.. common.Select(p => p.Day)], b, v, delta, max, baseShares, variantShares));
        }
        return changes;
    }

    private static void ShadeInterruptions(StrengthPlot upper, StrengthPlot lower, Scenario scenario, Scenario variant, List<Dyad> dyads)
    {
        static (string, DateOnly, DateOnly, InterruptionScope) Key(Interruption i) => (i.Id, i.From, i.To, i.Scope);
        var baseTree = new ActorTree(scenario.Actors);
        var variantTree = new ActorTree(variant.Actors);
        var baseOnes = scenario.Interruptions.Where(i => dyads.Any(d => EventMarks.AppliesSafely(i, d, baseTree))).ToList();
        var variantOnes = variant.Interruptions.Where(i => dyads.Any(d => EventMarks.AppliesSafely(i, d, variantTree))).ToList();
        var variantKeys = variantOnes.Select(Key).ToHashSet();
        var baseKeys = baseOnes.Select(Key).ToHashSet();
        foreach (var interruption in baseOnes)
        {
            var both = variantKeys.Contains(Key(interruption));
            upper.ShadeInterruption(interruption, prefix: both ? "" : "Base: ");
            lower.ShadeInterruption(interruption);
        }
        // The variant's own interruptions are outlined rather than filled, so where they overlap the base's the
        // two stay distinguishable.
        foreach (var interruption in variantOnes.Where(i => !baseKeys.Contains(Key(i))))
        {
            upper.OutlineInterruption(interruption, Colors.RoyalBlue, "Variant: ");
            lower.OutlineInterruption(interruption, Colors.RoyalBlue, "Variant: ");
        }
    }

    /// <summary>A ΔS range from a nice step: from the lowest to the highest change, always including zero.</summary>
    private static (double Low, double High) DeltaRange(IReadOnlyCollection<Change> shown)
    {
        var min = shown.SelectMany(c => c.Delta).DefaultIfEmpty(0).Min();
        var max = shown.SelectMany(c => c.Delta).DefaultIfEmpty(0).Max();
        var step = PlotTicks.NiceStep(Math.Max(Math.Max(-min, max), 1e-6) / 3);
        var low = Math.Min(0, Math.Floor(min * 1.05 / step) * step);
        var high = Math.Max(0, Math.Ceiling(max * 1.05 / step) * step);
        return low == high ? (-1, 1) : (low, high);
    }

    private static LegendItem StyleItem(string label, LinePattern pattern) => new()
    {
        LabelText = label,
        LineColor = Colors.Black,
        LineWidth = 2.5f,
        LinePattern = pattern,
        MarkerSize = 0,
    };

    /// <summary>Gives both panels the same left and right margins, so a date sits at the same x in both.</summary>
    private static void AlignDataAreas(Plot upper, PlotOptions upperOptions, Plot lower, PlotOptions lowerOptions)
    {
        upper.RenderInMemory(upperOptions.Width, upperOptions.Height);
        lower.RenderInMemory(lowerOptions.Width, lowerOptions.Height);
        var (u, l) = (upper.LastRender, lower.LastRender);
        var left = Math.Max(u.DataRect.Left - u.FigureRect.Left, l.DataRect.Left - l.FigureRect.Left);
        var right = Math.Max(u.FigureRect.Right - u.DataRect.Right, l.FigureRect.Right - l.DataRect.Right);
        upper.Layout.Fixed(new PixelPadding(left, right, u.FigureRect.Bottom - u.DataRect.Bottom, u.DataRect.Top - u.FigureRect.Top));
        lower.Layout.Fixed(new PixelPadding(left, right, l.FigureRect.Bottom - l.DataRect.Bottom, l.DataRect.Top - l.FigureRect.Top));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
