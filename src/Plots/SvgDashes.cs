using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// Keeps dashed rectangle outlines dashed in SVG. Skia's SVG canvas (SkiaSharp 3.119) turns a dashed path into filled
/// dash shapes, but drops the dash of a rectangle (printing "Unsupported path effect in addPaint." to stderr), so
/// a dashed span outline came out solid. Such outlines are drawn with a sentinel alpha (253 or 251 of 255, invisible
/// in a PNG), and <see cref="Apply"/> turns the matching <c>stroke-opacity</c> into a <c>stroke-dasharray</c>.
/// </summary>
internal static partial class SvgDashes
{
    private const byte DashedAlpha = 253;
    private const byte DottedAlpha = 251;

    /// <summary>The line's colour, tagged so its pattern survives in SVG; solid lines are left alone.</summary>
    public static Color Tag(Color color, LinePattern pattern) =>
        pattern.Name == LinePattern.Dashed.Name ? color.WithAlpha(DashedAlpha)
        : pattern.Name == LinePattern.Dotted.Name ? color.WithAlpha(DottedAlpha)
        : color;

    public static string Apply(string svg) =>
        StrokeOpacity().Replace(svg, match =>
        {
            var opacity = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var pattern = Math.Abs(opacity * 255 - DashedAlpha) < 0.01 ? LinePattern.Dashed
                : Math.Abs(opacity * 255 - DottedAlpha) < 0.01 ? LinePattern.Dotted
                : (LinePattern?)null;
            if (pattern is not { } found)
                return match.Value;
            var dashes = string.Join(",", found.Intervals.Select(i => i.ToString("0.##", CultureInfo.InvariantCulture)));
            return $"stroke-opacity=\"1\" stroke-dasharray=\"{dashes}\"";
        });

    [GeneratedRegex("stroke-opacity=\"(0\\.98\\d*|0\\.99\\d*)\"")]
    private static partial Regex StrokeOpacity();
}
