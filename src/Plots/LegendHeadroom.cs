using ScottPlot;
using ScottPlot.LegendLayouts;

namespace Relations.Plots;

/// <summary>
/// ScottPlot's wrapping legend layout with a few pixels of room above the first row. In a one-row legend below the
/// plot, ScottPlot 5.1.59 clipped the tops of the first row's letters (and Vietnamese accents); moving every item
/// down inside a box grown by the same amount keeps them whole.
/// </summary>
internal sealed class LegendHeadroom : ILegendLayout
{
    private const float Headroom = 6;

    private readonly Wrapping inner = new();

    public LegendLayout GetLayout(Legend legend, LegendItem[] items, PixelSize maxSize, Paint paint)
    {
        var layout = inner.GetLayout(legend, items, maxSize, paint);
        static PixelRect Down(PixelRect r) => new(r.Left, r.Right, r.Bottom + Headroom, r.Top + Headroom);
        var box = layout.LegendRect;
        return new LegendLayout
        {
            LegendItems = layout.LegendItems,
            LegendRect = new PixelRect(box.Left, box.Right, box.Bottom + Headroom, box.Top),
            LabelRects = [.. layout.LabelRects.Select(Down)],
            SymbolRects = [.. layout.SymbolRects.Select(Down)],
        };
    }
}
