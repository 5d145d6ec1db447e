using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// The colours of curves: Category10 without its red, green and grey, which interruptions (red tint), agreements
/// (black and dark grey marks) and cancelled events (grey) use, so a mark is never read as a curve. The dashboard's
/// interactive charts (Assets/charts.js) use the same list, so a downloaded plot matches the page.
/// </summary>
public static class CurveColors
{
    public static readonly IReadOnlyList<string> Hex =
        ["#1f5fa8", "#e08a00", "#0f9e8e", "#8e44ad", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#393b79", "#637939"];

    public static Color Get(int index) => new(Hex[index % Hex.Count]);
}
