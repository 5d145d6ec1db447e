using Relations.Model.Evaluation;
using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Relations.Plots;

/// <summary>Saving plots as PNG and SVG, and writing a result's whole set of plots.</summary>
public static partial class RelationPlots
{
    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 700;
    public const int DefaultCompareHeight = 1000;

    /// <summary>Writes a PNG and returns its full path.</summary>
    public static string SavePng(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        CreateDirectoryOf(path);
        return plot.SavePng(path, width, height).Path;
    }

    /// <summary>Writes an SVG (UTF-8; text stays text, in the font family "DejaVu Sans") and returns its full path.</summary>
    public static string SaveSvg(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        CreateDirectoryOf(path);
        File.WriteAllText(path, GetSvg(plot, width, height));
        return Path.GetFullPath(path);
    }

    /// <summary>The plot as an SVG document, for a page to embed.</summary>
    public static string GetSvg(Plot plot, int width = DefaultWidth, int height = DefaultHeight) =>
        SvgDashes.Apply(plot.GetSvgXml(width, height));

    /// <summary>The plot as PNG bytes, for a page to serve.</summary>
    public static byte[] GetPng(Plot plot, int width = DefaultWidth, int height = DefaultHeight) =>
        plot.GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>Writes a comparison as one tall PNG and returns its full path.</summary>
    public static string SavePng(Multiplot plot, string path, int width = DefaultWidth, int height = DefaultCompareHeight)
    {
        CreateDirectoryOf(path);
        return plot.SavePng(path, width, height).Path;
    }

    /// <summary>Writes a comparison as one tall SVG and returns its full path.</summary>
    public static string SaveSvg(Multiplot plot, string path, int width = DefaultWidth, int height = DefaultCompareHeight)
    {
        CreateDirectoryOf(path);
        File.WriteAllText(path, GetSvg(plot, width, height));
        return Path.GetFullPath(path);
    }

    /// <summary>A comparison as one SVG document.</summary>
    public static string GetSvg(Multiplot plot, int width = DefaultWidth, int height = DefaultCompareHeight)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            plot.Render(canvas, new PixelRect(0, width, height, 0));
        return SvgDashes.Apply(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A comparison as PNG bytes.</summary>
    public static byte[] GetPng(Multiplot plot, int width = DefaultWidth, int height = DefaultCompareHeight) =>
        plot.Render(width, height).GetImageBytes(ImageFormat.Png);

    /// <summary>
    /// Writes <c>overview.png</c>/<c>.svg</c> and, for every dyad, <c>dyads/&lt;a&gt;--&lt;b&gt;.png</c>/<c>.svg</c>
    /// (ASCII actor ids, <see cref="PlotNames.FileStem"/>) under <paramref name="directory"/>; returns the full paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(SeriesResult result, string directory, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var written = new List<string>();
        var overview = Overview(result, options);
        written.Add(SavePng(overview, Path.Combine(directory, "overview.png"), options.Width, options.Height));
        written.Add(SaveSvg(overview, Path.Combine(directory, "overview.svg"), options.Width, options.Height));
        foreach (var series in result.Dyads.OrderBy(d => d.Dyad))
        {
            var plot = ForDyad(result, series.Dyad, options);
            var stem = Path.Combine(directory, "dyads", PlotNames.FileStem(series.Dyad));
            written.Add(SavePng(plot, stem + ".png", options.Width, options.Height));
            written.Add(SaveSvg(plot, stem + ".svg", options.Width, options.Height));
        }
        return written;
    }

    private static void CreateDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
