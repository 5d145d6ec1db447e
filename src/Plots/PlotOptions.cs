namespace Relations.Plots;

/// <summary>Size, language and clutter limits of the relation plots; the defaults suit a 1200×700 image read by students.</summary>
public sealed record PlotOptions
{
    public static PlotOptions Default { get; } = new();

    /// <summary>Image width in pixels that labels are laid out for, and that the save helpers use by default.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Image height in pixels (a comparison is rendered taller: <see cref="CompareHeight"/>).</summary>
    public int Height { get; init; } = 700;

    /// <summary>Height of the two-panel comparison image.</summary>
    public int CompareHeight { get; init; } = 1000;

    /// <summary>At most this many curves in one plot; the overview keeps those with the highest peak |S|.</summary>
    public int MaxDyads { get; init; } = 8;

    /// <summary>At most this many labelled event markers in the overview.</summary>
    public int MaxEventLabels { get; init; } = 12;

    /// <summary>
    /// At most this many events get a labelled marker in one dyad's plot (more than its label lanes hold at this width);
    /// the rest are drawn as ticks.
    /// </summary>
    public int MaxDyadEventLabels { get; init; } = 60;

    /// <summary>Language of actor names ("vi", "en"); null uses each actor's display name.</summary>
    public string? Language { get; init; }

    /// <summary>Whether a dyad plot also draws the score R on a right-hand axis.</summary>
    public bool ShowScore { get; init; } = true;

    /// <summary>Font size of tick labels, legend and event labels; titles are drawn larger.</summary>
    public float FontSize { get; init; } = 16;

    /// <summary>
    /// The plot's own words (titles, axis labels, notes) in the reader's language: given the English text (a composite
    /// format for those with an argument), answers the text to draw. By default the English.
    /// </summary>
    public Func<string, string> Text { get; init; } = english => english;

    /// <summary>Replaces the explanatory line under the title when set.</summary>
    public string? Caption { get; init; }
}
