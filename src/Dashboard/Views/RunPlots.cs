using Relations.Model.Evaluation;
using Relations.Plots;
using ScottPlot;

namespace Relations.Dashboard.Views;

/// <summary>A plot as SVG and, for a page, where each shown curve's samples landed in it.</summary>
public sealed record RenderedPlot(string Svg, PlotClickMap Map);

/// <summary>Pixel positions of the shown curves' samples in a rendered plot, so a click on the image finds a point.</summary>
public sealed record PlotClickMap(int Width, int Height, string[] Dates, double[] X, ClickCurve[] Curves);

/// <summary>One curve of a <see cref="PlotClickMap"/>: its dyad (URL key), name and the y pixel of each sample.</summary>
public sealed record ClickCurve(string Dyad, string Name, double[] Y);

/// <summary>The run plots the API serves and the pages show: the overview, a chosen set of dyads, or one dyad in detail.</summary>
public static class RunPlots
{
    /// <summary>At most this many dyads in one chosen plot.</summary>
    public const int MaxChosen = 10;

    public const int Width = RelationPlots.DefaultWidth;
    public const int Height = RelationPlots.DefaultHeight;

    /// <summary>A dyad as a URL value: "a~b" (actor ids never contain '~').</summary>
    public static string Key(Dyad dyad) => $"{dyad.A}~{dyad.B}";

    /// <summary>The dyads named by URL values that the result has, in the order given, without repeats.</summary>
    public static IReadOnlyList<Dyad> Parse(IEnumerable<string?> keys, SeriesResult result)
    {
        var known = result.Dyads.Select(d => d.Dyad).ToHashSet();
        var chosen = new List<Dyad>();
        foreach (var key in keys)
        {
            var parts = key?.Split('~');
            if (parts is not [var a, var b] || a.Length == 0 || b.Length == 0)
                continue;
            var dyad = new Dyad(a, b);
            if (known.Contains(dyad) && !chosen.Contains(dyad))
                chosen.Add(dyad);
        }
        return chosen.Take(MaxChosen).ToList();
    }

    /// <summary>Why some <c>dyad</c> query value is refused (a dyad none of the results has), or null when all are known.</summary>
    public static string? Problem(IEnumerable<string?> keys, params SeriesResult[] results)
    {
        var known = results.SelectMany(r => r.Dyads).Select(d => Key(d.Dyad)).ToHashSet(StringComparer.Ordinal);
        return keys.FirstOrDefault(k => !known.Contains(k ?? "")) is { } unknown
            ? $"dyad={unknown}: no such relationship here; a dyad is written 'a~b', the actor ids in ordinal order, as the picker writes it."
            : null;
    }

    /// <summary>
    /// The dyads a page shows before a reader picks: the highest peak |S| first, one of each set of dyads whose curves
    /// coincide (the twinned pairs of one article), so that every slot shows a curve of its own.
    /// </summary>
    public static IReadOnlyList<Dyad> Busiest(SeriesResult result, int count = 8)
    {
        var chosen = new List<DyadSeries>();
        foreach (var series in ByPeak(result))
        {
            if (chosen.Count == count)
                break;
            if (!chosen.Any(c => c.Strengths.SequenceEqual(series.Strengths)))
                chosen.Add(series);
        }
        return [.. chosen.Select(c => c.Dyad)];
    }

    /// <summary>The dyads ordered for a picker: strongest peak first.</summary>
    public static IReadOnlyList<DyadSeries> ByPeak(SeriesResult result) =>
        result.Dyads.OrderByDescending(d => d.Strengths.Select(Math.Abs).DefaultIfEmpty(0).Max()).ThenBy(d => d.Dyad).ToList();

    /// <summary>
    /// No dyad chosen: the scenario overview. One: that dyad with all its events, terms and its score. Several: those
    /// dyads' curves with the events that touch them.
    /// </summary>
    public static Plot Build(SeriesResult result, IReadOnlyList<Dyad> chosen, string? language)
    {
        var options = PlotOptions.Default with { Language = language };
        if (chosen.Count == 0)
            return RelationPlots.Overview(result, options);
        if (chosen.Count == 1)
            return RelationPlots.ForDyad(result, chosen[0], options);
        var subset = result with { Dyads = result.Dyads.Where(d => chosen.Contains(d.Dyad)).ToList() };
        return RelationPlots.Overview(subset, options with { MaxDyads = chosen.Count });
    }

    /// <summary>Renders the plot of <paramref name="chosen"/> dyads and maps their samples to pixels.</summary>
    public static RenderedPlot Render(SeriesResult result, IReadOnlyList<Dyad> chosen, string? language)
    {
        var plot = Build(result, chosen, language);
        var svg = RelationPlots.GetSvg(plot, Width, Height);
        // GetSvg has just rendered the plot at this size, so GetPixel maps data to the SVG's pixels.
        var x = result.Dates.Select(d => plot.GetPixel(new Coordinates(X(d), 0)).X).Select(Round).ToArray();
        var curves = chosen.Select(dyad =>
        {
            var series = result.Dyads.First(d => d.Dyad == dyad);
            var y = series.Strengths.Select((s, i) => Round(plot.GetPixel(new Coordinates(X(result.Dates[i]), s)).Y)).ToArray();
            return new ClickCurve(Key(dyad), PlotNames.Dyad(result.Scenario, dyad, language), y);
        }).ToArray();
        var dates = result.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new RenderedPlot(svg, new PlotClickMap(Width, Height, dates, x, curves));
    }

    private static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static double Round(float value) => Math.Round(value, 1);
}
