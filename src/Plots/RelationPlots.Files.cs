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
        SvgDashes.Render([plot], () => plot.GetSvgXml(width, height));

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
    public static string GetSvg(Multiplot plot, int width = DefaultWidth, int height = DefaultCompareHeight) =>
        SvgDashes.Render(plot.GetPlots(), () =>
        {
            using var stream = new MemoryStream();
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
                plot.Render(canvas, new PixelRect(0, width, height, 0));
            return Encoding.UTF8.GetString(stream.ToArray());
        });

    /// <summary>A comparison as PNG bytes.</summary>
    public static byte[] GetPng(Multiplot plot, int width = DefaultWidth, int height = DefaultCompareHeight) =>
        plot.Render(width, height).GetImageBytes(ImageFormat.Png);

    /// <summary>
    /// Writes <c>overview.png</c>/<c>.svg</c> and, with <paramref name="dyads"/>, for every dyad
    /// <c>dyads/&lt;a&gt;--&lt;b&gt;.png</c>/<c>.svg</c> (ASCII actor ids, <see cref="PlotNames.FileStem"/>) under
    /// <paramref name="directory"/>; returns the full paths written, overview first, dyads in order. Plots are
    /// independent, so they are built and saved in parallel, one plot (its PNG, then its SVG) per task.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(SeriesResult result, string directory, PlotOptions? options = null, bool dyads = true)
    {
        options ??= PlotOptions.Default;
        var jobs = new List<(Func<Plot> Build, string Stem)> { (() => Overview(result, options), Path.Combine(directory, "overview")) };
        if (dyads)
        {
            foreach (var series in result.Dyads.OrderBy(d => d.Dyad))
                jobs.Add((() => ForDyad(result, series.Dyad, options), Path.Combine(directory, "dyads", PlotNames.FileStem(series.Dyad))));
        }
        var written = new string[jobs.Count][];
        Parallel.For(0, jobs.Count, i =>
        {
            var plot = jobs[i].Build();
            written[i] =
            [
                SavePng(plot, jobs[i].Stem + ".png", options.Width, options.Height),
                SaveSvg(plot, jobs[i].Stem + ".svg", options.Width, options.Height),
            ];
        });
        return [.. written.SelectMany(w => w)];
    }

    /// <summary>
    /// Renders a tiny plot to PNG and SVG bytes and throws them away: loads the fonts and the native Skia library and
    /// compiles the rendering code, so a command can do it while other start-up work goes on.
    /// </summary>
    public static void WarmUp()
    {
        PlotFonts.Ensure();
        var plot = new Plot();
        plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 }).LinePattern = LinePattern.Dashed;
        plot.Title("warm-up");
        _ = GetPng(plot, 64, 48);
        _ = GetSvg(plot, 64, 48);
    }

    private static void CreateDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
