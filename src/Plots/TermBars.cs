using ScottPlot;

namespace Relations.Plots;

/// <summary>
/// The bars under a dyad's curves for its standing ties' terms, packed into at most <see cref="MaxRows"/> rows: each
/// bar goes to the first row where neither it nor its label overlaps one placed before, so a dyad with many renewed
/// agreements takes a few rows, not one per term. Terms that find no room are only counted.
/// </summary>
internal sealed class TermBars(double xFrom, double xTo, float fontSize)
{
    public const int MaxRows = 6;

    private readonly List<Bar> bars = [];

    public int Count => bars.Count;

    public void Add(double from, double to, string label, Color color, bool assumed = false) => bars.Add(new Bar(from, to, label, color, assumed));

    /// <summary>The bars in rows for a data area <paramref name="dataWidthPx"/> wide; a label that would run past the right edge is right-aligned at its bar's end.</summary>
    public Packing Pack(double dataWidthPx)
    {
        var unitsPerPx = (xTo - xFrom) / dataWidthPx;
        var gap = 6 * unitsPerPx;
        var rowEnds = new List<double>();
        var placed = new List<(Bar, int, bool)>();
        foreach (var bar in bars)
        {
            // Once every row is taken, a bar starting before each row's end cannot fit: its label need not be measured.
            if (rowEnds.Count == MaxRows && rowEnds.TrueForAll(rowEnd => rowEnd + gap > bar.From))
                continue;
            var labelWidth = (StrengthPlot.TextWidthPx(bar.Label, fontSize) + 8) * unitsPerPx;
            var fitsRight = bar.From + labelWidth <= xTo;
            var (start, end) = fitsRight ? (bar.From, Math.Max(bar.To, bar.From + labelWidth)) : (Math.Min(bar.From, bar.To - labelWidth), bar.To);
            var row = rowEnds.FindIndex(rowEnd => rowEnd + gap <= start);
            if (row < 0 && rowEnds.Count < MaxRows)
            {
                row = rowEnds.Count;
                rowEnds.Add(double.NegativeInfinity);
            }
            if (row < 0)
                continue;
            rowEnds[row] = end;
            placed.Add((bar, row, fitsRight));
        }
        return new Packing(placed, rowEnds.Count, bars.Count - placed.Count);
    }

    /// <summary>Draws the packed bars; <paramref name="rowSpan"/> gives a row's bottom and top in data units.</summary>
    public void Draw(Plot plot, Packing packing, Func<int, (double Bottom, double Top)> rowSpan)
    {
        foreach (var (bar, row, fitsRight) in packing.Placed)
        {
            var (bottom, top) = rowSpan(row);
            var rectangle = plot.Add.Rectangle(bar.From, bar.To, bottom, top);
            // A tie whose term rests on assumptions is drawn lighter, with a dashed outline (issue 20).
            rectangle.FillColor = bar.Color.WithAlpha(bar.Assumed ? 0.1 : 0.3);
            rectangle.LineColor = bar.Color;
            rectangle.LineWidth = 1;
            rectangle.LinePattern = bar.Assumed ? LinePattern.Dashed : LinePattern.Solid;
            var label = plot.Add.Text(bar.Label, fitsRight ? bar.From : bar.To, (top + bottom) / 2);
            label.LabelAlignment = fitsRight ? Alignment.MiddleLeft : Alignment.MiddleRight;
            label.LabelOffsetX = fitsRight ? 4 : -4;
            label.LabelFontSize = fontSize;
            label.LabelFontName = PlotFonts.Family;
            label.LabelFontColor = Colors.Black;
        }
    }

    /// <summary>Where the bars went: each placed one with its row, how many rows, and how many found no room.</summary>
    public sealed record Packing(IReadOnlyList<(Bar Bar, int Row, bool FitsRight)> Placed, int Rows, int Dropped);

    public sealed record Bar(double From, double To, string Label, Color Color, bool Assumed = false);
}
