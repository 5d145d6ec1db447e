using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// Keeps dashed lines dashed in SVG, and Skia quiet. ScottPlot draws a dashed line with an SKPathEffect on its
/// paint (LineStyle → LinePattern.GetPathEffect), and Skia's SVG canvas (SkSVGDevice's addPaint) supports no path
/// effect: it prints "Unsupported path effect in addPaint." to the native stderr for every such paint, and drops
/// the dash of a rectangle. So an SVG is rendered with every dashed or dotted line made solid and tagged with a
/// sentinel alpha (invisible in a PNG, never used otherwise), and <see cref="Apply"/> turns the matching
/// <c>stroke-opacity</c> back into a <c>stroke-dasharray</c>. The PNG keeps the real patterns.
/// </summary>
internal static partial class SvgDashes
{
    private static readonly (byte Alpha, LinePattern Pattern)[] Sentinels =
        [(253, LinePattern.Dashed), (251, LinePattern.Dotted), (249, LinePattern.DenselyDashed)];

    /// <summary>The line's colour, tagged so its pattern survives in SVG; solid lines are left alone.</summary>
    public static Color Tag(Color color, LinePattern pattern) =>
        Sentinels.FirstOrDefault(s => s.Pattern.Name == pattern.Name) is { Alpha: > 0 } found ? color.WithAlpha(found.Alpha) : color;

    /// <summary>Renders SVG from <paramref name="plots"/> with their dashed lines made solid and tagged, then restores them.</summary>
    public static string Render(IEnumerable<Plot> plots, Func<string> render)
    {
        var styles = plots
            .SelectMany(p => p.GetPlottables().OfType<IHasLine>().Select(h => h.LineStyle)
                .Concat(p.Legend.ManualItems.Select(i => i.LineStyle)))
            .Where(s => s is not null && s.Pattern.Intervals is { Length: > 0 })
            .Distinct()
            .Select(s => (Style: s, s.Pattern, s.Color))
            .ToList();
        foreach (var (style, pattern, color) in styles)
            (style.Color, style.Pattern) = (Tag(color, pattern), LinePattern.Solid);
        try
        {
            return Apply(render());
        }
        finally
        {
            foreach (var (style, pattern, color) in styles)
                (style.Color, style.Pattern) = (color, pattern);
        }
    }

    public static string Apply(string svg) =>
        StrokeOpacity().Replace(svg, match =>
        {
            var alpha = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 255;
            if (Sentinels.FirstOrDefault(s => Math.Abs(alpha - s.Alpha) < 0.01) is not { Alpha: > 0 } found)
                return match.Value;
            var dashes = string.Join(",", found.Pattern.Intervals.Select(i => i.ToString("0.##", CultureInfo.InvariantCulture)));
            return $"stroke-opacity=\"1\" stroke-dasharray=\"{dashes}\"";
        });

    [GeneratedRegex("stroke-opacity=\"(0\\.97\\d*|0\\.98\\d*|0\\.99\\d*)\"")]
    private static partial Regex StrokeOpacity();
}
