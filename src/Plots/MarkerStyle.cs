using ScottPlot;

namespace Relations.Plots;

/// <summary>How an event's marker line looks, and the legend entry that explains it.</summary>
internal sealed record MarkerStyle(string Legend, Color Color, LinePattern Pattern, float Width, string Prefix = "")
{
    // Marks are drawn in ink (black, greys, a dark maroon), never in a curve's colour (CurveColors).
    public static MarkerStyle Agreement { get; } = new("Agreement (MoU)", new Color("#111111"), LinePattern.Solid, 2.5f);
    public static MarkerStyle Twinning { get; } = new("Twinning", new Color("#555555"), LinePattern.Solid, 2.5f);
    public static MarkerStyle Exchange { get; } = new("Event", Colors.DimGray, LinePattern.Dashed, 1.5f);
    public static MarkerStyle Negative { get; } = new("Protest or reduction", new Color("#6b0f1a"), LinePattern.Dashed, 1.5f);
    public static MarkerStyle Cancelled { get; } = new("Cancelled (interruption)", Colors.Gray, LinePattern.Dotted, 1.5f);

    /// <summary>An event on a linked dyad (a parent or child pair), which reaches this one only through spill.</summary>
    public static MarkerStyle Spill { get; } = new("Linked pair's event (spill)", Colors.SlateGray.WithAlpha(0.8), LinePattern.DenselyDashed, 1.5f, "spill: ");

    public static MarkerStyle Of(EventMark mark) => mark.Event.Kind switch
    {
        "agreement" => Agreement,
        "twinning" => Twinning,
        _ when mark.Weight < 0 => Negative,
        _ => Exchange,
    };
}
