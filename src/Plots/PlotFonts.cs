using ScottPlot;

namespace Relations.Plots;

/// <summary>Makes every plot use a font that has Vietnamese diacritics and ↔.</summary>
internal static class PlotFonts
{
    /// <summary>
    /// The family written into SVG files too, so a browser can find it by name. DejaVu Sans covers Vietnamese;
    /// ScottPlot's own choice on Linux is DejaVu Serif, and its Fonts.Detect finds nothing with the
    /// no-fontconfig Skia build it ships (notes/apis.md §5).
    /// </summary>
    public const string Family = "DejaVu Sans";

    private static readonly string[] Directories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/share/fonts/dejavu",
        "/Library/Fonts",
    ];

    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Registers the font files once (idempotent, thread-safe) and makes the family ScottPlot's default.</summary>
    public static void Ensure() => _ = Registered.Value;

    private static bool Register()
    {
        foreach (var directory in Directories)
        {
            var regular = Path.Combine(directory, "DejaVuSans.ttf");
            if (!File.Exists(regular))
                continue;
            // Registering the files under their own family name pins the exact face instead of relying on
            // Skia's font matching, which differs between machines.
            Fonts.AddFontFile(Family, regular);
            var bold = Path.Combine(directory, "DejaVuSans-Bold.ttf");
            if (File.Exists(bold))
                Fonts.AddFontFile(Family, bold, bold: true);
            break;
        }
        // Fonts.Default also reaches line labels, Text and Annotation, which plot.Font.Set does not restyle.
        Fonts.Default = Family;
        return true;
    }
}
