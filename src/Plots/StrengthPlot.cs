using Relations.Model.Scenarios;
using ScottPlot;
using ScottPlot.Panels;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Relations.Plots;

/// <summary>
/// Builds one strength-over-time plot: curves, shaded interruptions, event markers with labels stacked in lanes above
/// S = 100, and standing-tie bars below the curves. Labels are laid out in pixels after a first render, so they never
/// overlap whatever the legend and title take.
/// </summary>
internal sealed class StrengthPlot
{
    public const string StrengthAxisLabel = "Strength index S (−100…100)";

    /// <summary>The legend key to a curve's two kinds of stretch (<see cref="ShareSegments"/>).</summary>
    public const string SureKey = "thick: most of the value reported or inferred";

    public const string AssumedKey = "thin, light: more than half of the value rests on assumptions";

    public const string AssumedTermKey = "dashed, light bar: a standing tie whose term rests on assumptions";

    private static readonly Color InterruptionFill = Colors.Red.WithAlpha(0.13);
    private static readonly Color InterruptionText = Colors.DarkRed;
    private static readonly Color RestrictionFill = new Color("#e07a10").WithAlpha(0.12);
    private static readonly Color RestrictionText = new("#9a4a00");

    private readonly PlotOptions options;
    private readonly double xFrom;
    private readonly double xTo;
    private readonly List<PendingLabel> labels = [];
    private readonly TermBars terms;
    private readonly MarkBins rug;
    private readonly List<MarkerStyle> usedStyles = [];
    private int events;
    private readonly List<(Interruption Interruption, Color Text, string Prefix)> interruptionTitles = [];
    private double rangeBottom;
    private double rangeTop = 100;
    private double[]? manualTicks;
    private IReadOnlyList<Scatter>? scoreCurve;
    private bool assumedDrawn;
    private bool assumedTermDrawn;

    /// <summary>How light and how thin a stretch resting mostly on assumptions is drawn, beside the curve's own colour and width.</summary>
    private const double AssumedAlpha = 0.38;

    private static float AssumedWidth(float width) => Math.Max(1.2f, width * 0.45f);
    private double scoreMax;

    public StrengthPlot(Period period, PlotOptions options, string title, string? caption, string yLabel = StrengthAxisLabel, float titleSize = 8)
    {
        PlotFonts.Ensure();
        this.options = options;
        xFrom = X(period.From);
        xTo = X(period.To);
        rug = new MarkBins(xFrom, xTo, options.Width);
        terms = new TermBars(xFrom, xTo, options.FontSize - 2);

        Plot = new Plot();
        Plot.Font.Set(PlotFonts.Family);
        // DateTimeTicksBottom must come before any plottable, or it freezes the limits as they stand (notes/apis.md §5).
        var dateAxis = Plot.Axes.DateTimeTicksBottom();
        dateAxis.TickGenerator = new DateTimeAutomatic { LabelFormatter = PlotTicks.FormatDate };

        var fontSize = options.FontSize;
        Plot.Title(PlotNames.ForPlot(title, PlotNames.MaxTitle), fontSize + titleSize);
        Plot.Axes.Title.Label.Bold = true;
        if (!string.IsNullOrEmpty(caption))
        {
            var subtitle = new TitlePanel();
            subtitle.Label.Text = Wrap(PlotNames.ForPlot(caption, PlotNames.MaxCaptionLine), fontSize, options.Width - 60);
            subtitle.Label.FontSize = fontSize;
            subtitle.Label.Bold = false;
            subtitle.Label.ForeColor = Colors.DimGray;
            subtitle.Label.FontName = PlotFonts.Family;
            Plot.Axes.AddPanel(subtitle);
        }

        Plot.XLabel("Date", fontSize + 1);
        Plot.YLabel(yLabel, fontSize + 1);
        foreach (var axis in new IAxis[] { Plot.Axes.Bottom, Plot.Axes.Left, Plot.Axes.Right })
            axis.TickLabelStyle.FontSize = fontSize;
        Plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
    }

    public Plot Plot { get; }

    public static double X(DateOnly day) => day.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>The data range of the y axis (0…100, or −100…100 when some S is negative) and its ticks.</summary>
    public void SetRange(double bottom, double top, double[]? ticks = null)
    {
        rangeBottom = bottom;
        rangeTop = top;
        // The axis names the range it draws: 0…100 unless some tie has turned negative.
        if (Plot.Axes.Left.Label.Text == StrengthAxisLabel && bottom >= 0)
            Plot.Axes.Left.Label.Text = StrengthAxisLabel.Replace("−100…100", "0…100", StringComparison.Ordinal);
        manualTicks = ticks;
    }

    /// <summary>
    /// A curve, with its legend entry. Given each sample's assumption share, the stretches where assumptions carry the
    /// larger part of the value are drawn lighter and thinner (<see cref="ShareSegments"/>), so a reader sees — in print
    /// and without colour too — how much of the curve rests on assumptions; a legend key says so.
    /// </summary>
    public IReadOnlyList<Scatter> AddCurve(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> values, Color color, string? legend,
        LinePattern pattern, float width = 2.5f, IReadOnlyList<double>? assumedShares = null)
    {
        var xs = dates.Select(X).ToArray();
        var ys = values.ToArray();
        IReadOnlyList<ShareSegments.Run> runs = assumedShares is null ? [new ShareSegments.Run(0, xs.Length - 1, false)] : ShareSegments.Of(assumedShares);
        var pieces = new List<Scatter>();
        foreach (var run in runs)
        {
            var length = run.To - run.From + 1;
            var piece = Plot.Add.ScatterLine(xs.AsSpan(run.From, length).ToArray(), ys.AsSpan(run.From, length).ToArray(),
                run.Assumed ? color.WithAlpha(AssumedAlpha) : color);
            piece.LineWidth = run.Assumed ? AssumedWidth(width) : width;
            piece.LinePattern = pattern;
            piece.MarkerSize = 0;
            piece.LegendText = "";
            pieces.Add(piece);
            assumedDrawn |= run.Assumed && length > 1;
        }
        // The legend shows the curve as its surer stretches are drawn (as the light ones only where it has no other).
        if (pieces.Count > 0)
            pieces[Math.Max(0, runs.ToList().FindIndex(r => !r.Assumed))].LegendText = legend ?? "";
        return pieces;
    }

    /// <summary>Draws the score R against a right-hand axis whose zero lines up with S = 0, lighter where R is mostly assumed.</summary>
    public void AddScore(IReadOnlyList<DateOnly> dates, IReadOnlyList<double> scores, Color color, IReadOnlyList<double>? assumedShares = null)
    {
        scoreMax = scores.Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (scoreMax <= 0)
            return;
        scoreCurve = AddCurve(dates, scores, color, "Score R (right axis)", LinePattern.Dotted, 2f, assumedShares);
        foreach (var piece in scoreCurve)
            piece.Axes.YAxis = Plot.Axes.Right;
        Plot.Axes.Right.Label.Text = "Score R (sum of decayed event weights)";
        Plot.Axes.Right.Label.FontSize = options.FontSize + 1;
        Plot.Axes.Right.Label.ForeColor = color;
    }

    /// <summary>
    /// An interruption as a span: a red tint where it cancels in-person events in full; where it cancels only a share
    /// (a restriction), an orange tint with a dashed edge and the share in its legend entry, so the two never look alike.
    /// </summary>
    public void ShadeInterruption(Interruption interruption, Color? fill = null, string prefix = "")
    {
        var partial = interruption.Cancels < 1.0;
        var color = fill ?? (partial ? RestrictionFill : InterruptionFill);
        var span = Plot.Add.HorizontalSpan(X(interruption.From), X(interruption.To.AddDays(1)), color);
        span.LineWidth = 0;
        if (partial && fill is null)
        {
            span.LineWidth = 1.5f;
            span.LineColor = RestrictionText;
            span.LinePattern = LinePattern.Dashed;
            prefix += string.Create(System.Globalization.CultureInfo.InvariantCulture, $"restricted, {interruption.Cancels * 100:0} % cancelled: ");
        }
        span.LegendText = $"{prefix}{PlotNames.ForPlot(interruption.Title ?? interruption.Id, PlotNames.MaxName)} ({PlotNames.Date(interruption.From)} – {PlotNames.Date(interruption.To)})";
        interruptionTitles.Add((interruption, fill is null ? (partial ? RestrictionText : InterruptionText) : fill.Value.WithAlpha(1), ""));
    }

    /// <summary>An interruption drawn as a dashed outline with a faint fill, to tell it apart from a shaded one.</summary>
    public void OutlineInterruption(Interruption interruption, Color color, string prefix)
    {
        var span = Plot.Add.HorizontalSpan(X(interruption.From), X(interruption.To.AddDays(1)), color.WithAlpha(0.06));
        span.LineWidth = 2;
        span.LineColor = color;
        span.LinePattern = LinePattern.Dashed;
        span.LegendText = $"{prefix}{PlotNames.ForPlot(interruption.Title ?? interruption.Id, PlotNames.MaxName)} ({PlotNames.Date(interruption.From)} – {PlotNames.Date(interruption.To)})";
        interruptionTitles.Add((interruption, color, prefix));
    }

    /// <summary>
    /// A labelled marker: a vertical line from the bottom up to its label, and short lines for further occurrences.
    /// Events added first get the first choice of label lane.
    /// </summary>
    public void AddEvent(EventMark mark, MarkerStyle style, int maxLabelLength)
    {
        var occurrences = mark.Days.Select((day, i) => (Day: day, Cancelled: mark.Cancelled[i])).ToList();
        var first = occurrences.FirstOrDefault(d => !d.Cancelled);
        if (first == default)
            first = occurrences[0];
        // Further occurrences closer than half a pixel draw as one line (a count of thousands would otherwise draw thousands).
        var (drawn, drawnCancelled) = (new MarkBins(xFrom, xTo, options.Width), new MarkBins(xFrom, xTo, options.Width));
        (first.Cancelled ? drawnCancelled : drawn).Take(X(first.Day));
        foreach (var (day, cancelled) in occurrences)
        {
            if (day == first.Day || !(cancelled ? drawnCancelled : drawn).Take(X(day)))
                continue;
            var line = MarkerLine(day, cancelled ? MarkerStyle.Cancelled : style);
            labels.Add(new PendingLabel(line, null, day, cancelled) { Group = events });
        }
        var main = MarkerLine(first.Day, first.Cancelled ? MarkerStyle.Cancelled : style);
        var textColor = first.Cancelled ? Colors.Gray : style == MarkerStyle.Spill ? Colors.DimGray : Colors.Black;
        labels.Add(new PendingLabel(main, style.Prefix + mark.Label(maxLabelLength), first.Day, first.Cancelled, labels.Count) { Group = events, TextColor = textColor, Occurrences = occurrences.Count });
        events++;
    }

    private VerticalLine MarkerLine(DateOnly day, MarkerStyle style)
    {
        var line = Plot.Add.VerticalLine(X(day), style.Width, style.Color, style.Pattern);
        line.ExcludeFromLegend = true;
        usedStyles.Add(style);
        return line;
    }

    /// <summary>A short grey tick at the bottom for an event occurrence that gets no label.</summary>
    public void AddRugTick(DateOnly day) => rug.Take(X(day));

    /// <summary>A bar under the curves for a standing tie's term, from its start to its end (or the period's end).</summary>
    public void AddTerm(DateOnly from, DateOnly? until, string label, Color color, bool assumed = false)
    {
        terms.Add(X(from), until is { } end ? Math.Min(X(end), xTo) : xTo, label, color, assumed);
        assumedTermDrawn |= assumed;
    }

    /// <summary>
    /// Lays out labels and bars for the plot's size, sets the limits and returns the finished plot. With
    /// <paramref name="demoteUnlabelled"/>, a marker whose label found no room becomes a tick, so every tall line has a label.
    /// </summary>
    public Plot Finish(int maxLanes, bool demoteUnlabelled = false)
    {
        AddStyleLegend();

        // First render: where the data area ends up once title, legend and axes have taken their room.
        Plot.Axes.SetLimitsX(xFrom, xTo);
        Plot.Axes.SetLimitsY(rangeBottom, rangeTop + (rangeTop - rangeBottom) * 0.2);
        SetStrengthTicks(rangeTop);
        if (terms.Count > 0 || labels.Count > 0 || rug.Count > 0)
            Plot.RenderInMemory(options.Width, options.Height);
        var dataRect = Plot.LastRender.DataRect;
        var dataWidthPx = dataRect.Width > 0 ? dataRect.Width : options.Width - 250;
        var dataHeightPx = dataRect.Height > 0 ? dataRect.Height : options.Height - 250;

        var named = labels.Where(l => l.Text is not null).OrderBy(l => l.Priority).ToList();
        var placements = PlaceLabels(named, dataWidthPx, maxLanes).ToList();
        if (demoteUnlabelled)
            Demote(named, placements);
        var lanes = placements.Where(p => p is not null).Select(p => p!.Value.Lane + 1).DefaultIfEmpty(0).Max();

        // Pixels for the label lanes above S = 100 and the tick and bar rows below the range; the range gets the rest.
        var lanePx = options.FontSize * 1.35 + 8;
        var termPx = options.FontSize * 1.3 + 8;
        var rugPx = rug.Count > 0 ? 14.0 : 0.0;
        var termRows = terms.Pack(dataWidthPx);
        if (termRows.Dropped > 0)
            Plot.Legend.ManualItems.Add(new LegendItem { LabelText = termRows.Dropped == 1 ? "1 more term not drawn" : $"{termRows.Dropped} more terms not drawn", LineWidth = 0, MarkerSize = 0 });
        var rows = termRows.Rows;
        // A little room at both ends even without labels or bars, so a curve at 0 or 100 is not hidden by the frame.
        var topPx = Math.Max(lanes * lanePx + (lanes > 0 ? 6 : 0), 8);
        var bottomPx = Math.Max(rows * termPx + (rows > 0 ? 6 : 0) + rugPx, 8);
        var usable = Math.Max(dataHeightPx - topPx - bottomPx, dataHeightPx * 0.4);
        var unitsPerPx = (rangeTop - rangeBottom) / usable;
        var top = rangeTop + topPx * unitsPerPx;
        var bottom = rangeBottom - bottomPx * unitsPerPx;

        DrawLabels(named, placements, bottom, unitsPerPx, lanePx);
        terms.Draw(Plot, termRows, row =>
        {
            var rowTop = rangeBottom - (rugPx + 6 + row * termPx) * unitsPerPx;
            return (rowTop - (termPx - 4) * unitsPerPx, rowTop);
        });
        DrawRug(rugPx, unitsPerPx);
        DrawInterruptionTitles(unitsPerPx);
        if (lanes > 0)
            Plot.Add.HorizontalLine(rangeTop, 1, Colors.Black.WithAlpha(0.25)).ExcludeFromLegend = true;
        if (rangeBottom < 0 && rangeTop > 0)
            Plot.Add.HorizontalLine(0, 1, Colors.Black.WithAlpha(0.5)).ExcludeFromLegend = true;

        Plot.Axes.SetLimitsX(xFrom, xTo);
        Plot.Axes.SetLimitsY(bottom, top);
        SetStrengthTicks(top);
        if (scoreCurve is not null)
            SetScoreAxis(bottom, top);
        // A legend panel reserves the height the legend had at the previous render; one more render at the target
        // size makes that the final legend.
        Plot.RenderInMemory(options.Width, options.Height);
        return Plot;
    }

    /// <summary>One legend entry per kind of marker line drawn, one for the ticks, and the key to the lighter stretches.</summary>
    private void AddStyleLegend()
    {
        if (assumedTermDrawn)
            Plot.Legend.ManualItems.Add(new LegendItem { LabelText = AssumedTermKey, LineColor = Colors.Gray, LineWidth = 1, LinePattern = LinePattern.Dashed, MarkerSize = 0 });
        if (assumedDrawn)
        {
            Plot.Legend.ManualItems.Add(new LegendItem { LabelText = SureKey, LineColor = Colors.Black, LineWidth = 2.5f, MarkerSize = 0 });
            Plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = AssumedKey,
                LineColor = Colors.Black.WithAlpha(AssumedAlpha),
                LineWidth = AssumedWidth(2.5f),
                MarkerSize = 0,
            });
        }
        foreach (var style in usedStyles.Distinct())
        {
            Plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = style.Legend,
                LineColor = style.Color,
                LineWidth = style.Width,
                LinePattern = style.Pattern,
                MarkerSize = 0,
            });
        }
        ShowTicksInLegend();
    }

    /// <summary>Turns each marker whose label found no lane, with its further occurrences, into ticks.</summary>
    private void Demote(List<PendingLabel> named, List<LanePlacement?> placements)
    {
        for (var i = named.Count - 1; i >= 0; i--)
        {
            if (placements[i] is not null)
                continue;
            var group = labels.Where(l => l.Group == named[i].Group).ToList();
            foreach (var line in group)
            {
                Plot.Remove(line.Line);
                // The labelled line stands for the event's occurrences that drew no line of their own.
                rug.Take(line.Line.X, line.Text is null ? 1 : Math.Max(1, named[i].Occurrences - (group.Count - 1)));
                labels.Remove(line);
            }
            named.RemoveAt(i);
            placements.RemoveAt(i);
        }
        ShowTicksInLegend();
    }

    private void DrawLabels(List<PendingLabel> named, List<LanePlacement?> placements, double bottom, double unitsPerPx, double lanePx)
    {
        for (var i = 0; i < named.Count; i++)
        {
            var line = named[i].Line;
            line.Minimum = bottom;
            if (placements[i] is not { } placement)
            {
                line.Maximum = rangeTop;
                continue;
            }
            var baseY = rangeTop + (6 + placement.Lane * lanePx) * unitsPerPx;
            line.Maximum = baseY + (lanePx - 6) * unitsPerPx;
            var text = Plot.Add.Text(named[i].Text!, line.X, baseY);
            text.LabelAlignment = placement.ExtendsLeft ? Alignment.LowerRight : Alignment.LowerLeft;
            text.LabelOffsetX = placement.ExtendsLeft ? -3 : 3;
            text.LabelFontSize = options.FontSize - 1;
            text.LabelFontName = PlotFonts.Family;
            text.LabelFontColor = named[i].TextColor;
            text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            text.LabelPadding = 2;
        }
        foreach (var extra in labels.Where(l => l.Text is null))
        {
            extra.Line.Minimum = bottom;
            // Further occurrences get short lines that reach just above zero, where the curve starts its jumps.
            extra.Line.Maximum = Math.Max(rangeBottom, 0) + 40 * unitsPerPx;
        }
    }

    private void DrawRug(double rugPx, double unitsPerPx)
    {
        foreach (var x in rug.Kept)
        {
            var tick = Plot.Add.VerticalLine(x, 1.2f, Colors.Gray.WithAlpha(0.8));
            tick.ExcludeFromLegend = true;
            tick.Minimum = rangeBottom - rugPx * unitsPerPx;
            tick.Maximum = rangeBottom - 2 * unitsPerPx;
        }
    }

    private void DrawInterruptionTitles(double unitsPerPx)
    {
        var fontSize = options.FontSize - 2;
        for (var i = 0; i < interruptionTitles.Count; i++)
        {
            var (interruption, color, prefix) = interruptionTitles[i];
            // Overlapping interruptions (base and variant) would print their titles on top of each other: one row each.
            var row = interruptionTitles.Take(i).Count(t => t.Interruption.From <= interruption.To && interruption.From <= t.Interruption.To);
            var title = Plot.Add.Text(prefix + (PlotNames.ForPlot(interruption.Title ?? interruption.Id, PlotNames.MaxName)), Math.Max(X(interruption.From), xFrom), rangeTop - (4 + row * (fontSize + 6)) * unitsPerPx);
            title.LabelAlignment = Alignment.UpperLeft;
            title.LabelOffsetX = 6;
            title.LabelFontSize = fontSize;
            title.LabelFontName = PlotFonts.Family;
            title.LabelFontColor = color;
        }
    }

    private LegendItem? ticksLegend;

    /// <summary>The legend entry of the ticks, once there are any, with how many occurrences they stand for (ticks closer than half a pixel are drawn once).</summary>
    private void ShowTicksInLegend()
    {
        if (rug.Count == 0)
            return;
        if (ticksLegend is null)
        {
            ticksLegend = new LegendItem { LineColor = Colors.Gray, LineWidth = 1.5f, MarkerSize = 0 };
            Plot.Legend.ManualItems.Add(ticksLegend);
        }
        ticksLegend.LabelText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Other events ({rug.Offered:N0})");
    }

    private LanePlacement?[] PlaceLabels(List<PendingLabel> named, double dataWidthPx, int maxLanes)
    {
        var daysPerPx = (xTo - xFrom) / dataWidthPx;
        var sized = named.Select(l => (l.Line.X, (TextWidthPx(l.Text!, options.FontSize - 1) + 10) * daysPerPx)).ToList();
        return LabelLanes.Assign(sized, xFrom, xTo, maxLanes, 6 * daysPerPx);
    }

    /// <summary>Breaks each line that is wider than <paramref name="widthPx"/>, after "; " where it can, else between words.</summary>
    private static string Wrap(string text, float fontSize, double widthPx)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (TextWidthPx(rest, fontSize) > widthPx)
            {
                var words = rest.Split(' ');
                var fit = Enumerable.Range(1, words.Length - 1).LastOrDefault(n => TextWidthPx(string.Join(' ', words[..n]), fontSize) <= widthPx);
                if (fit == 0)
                    break;
                var atSemicolon = Enumerable.Range(1, fit).LastOrDefault(n => words[n - 1].EndsWith(';'));
                var cut = atSemicolon > fit / 2 ? atSemicolon : fit;
                lines.Add(string.Join(' ', words[..cut]));
                rest = string.Join(' ', words[cut..]);
            }
            lines.Add(rest);
        }
        return string.Join('\n', lines);
    }

    internal static double TextWidthPx(string text, float fontSize)
    {
        using var paint = Paint.NewDisposablePaint();
        return new LabelStyle { FontSize = fontSize, FontName = PlotFonts.Family }.Measure(text, paint).Width;
    }

    /// <summary>Ticks only over the data range, none in the label lanes or bar rows.</summary>
    private void SetStrengthTicks(double top) =>
        Plot.Axes.Left.TickGenerator = PlotTicks.Manual((manualTicks ?? PlotTicks.Steps(rangeBottom, rangeTop)).Where(t => t <= top + 1e-9));

    /// <summary>R's axis is scaled so R = 0 sits level with S = 0; its ticks run from 0 to a round number above max |R|.</summary>
    private void SetScoreAxis(double bottom, double top)
    {
        var step = PlotTicks.NiceStep(scoreMax / 4);
        var rTop = Math.Ceiling(scoreMax / step) * step;
        var unitsPerS = rTop / Math.Max(Math.Abs(rangeTop), Math.Abs(rangeBottom));
        Plot.Axes.SetLimitsY(bottom * unitsPerS, top * unitsPerS, Plot.Axes.Right);
        Plot.Axes.Right.TickGenerator = PlotTicks.Manual(PlotTicks.Steps(rangeBottom < 0 ? -rTop : 0, rTop, step));
    }

    /// <summary>A marker line and its label; labels with a lower <paramref name="Priority"/> get the first choice of lane.</summary>
    private sealed record PendingLabel(VerticalLine Line, string? Text, DateOnly Day, bool Cancelled, int Priority = 0)
    {
        /// <summary>The event the line belongs to: a labelled line and its further occurrences share it.</summary>
        public int Group { get; init; }

        public Color TextColor { get; init; } = Colors.Black;

        /// <summary>How many occurrences the event's lines stand for (set on the labelled line).</summary>
        public int Occurrences { get; init; } = 1;
    }
}
