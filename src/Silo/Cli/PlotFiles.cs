using System.CommandLine;
using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Silo.Cli;

/// <summary>The plots a command writes beside its CSV: a result's overview and per-dyad plots, or a comparison overlay.</summary>
internal static class PlotFiles
{
    /// <summary>
    /// <c>--plots overview|all|none</c>: the overview only (default: what a reader looks at first, and fast), the
    /// overview and a plot per dyad, or no plots.
    /// </summary>
    public static Option<string> Option() => new("--plots")
    {
        Description = "Plots to write: overview (default), all (the overview and one per dyad) or none.",
        DefaultValueFactory = _ => "overview",
        Validators = { result =>
        {
            if (result.GetValueOrDefault<string>() is not ("overview" or "all" or "none") and var value)
                result.AddError($"--plots '{value}' is not one of overview, all, none");
        } },
    };

    /// <summary>Loads and compiles the plotting code (fonts, ScottPlot, Skia) by rendering a tiny plot nobody sees.</summary>
    public static void WarmUp() => RelationPlots.WarmUp();

    public static IReadOnlyList<string> WriteAll(SeriesResult result, string directory, string choice = "all") => choice switch
    {
        "none" => [],
        "overview" => RelationPlots.WriteAll(result, directory, dyads: false),
        _ => RelationPlots.WriteAll(result, directory),
    };

    public static IReadOnlyList<string> WriteComparison(SeriesResult baseResult, SeriesResult other, string directory)
    {
        var plot = RelationPlots.Compare(baseResult, other);
        return
        [
            RelationPlots.SavePng(plot, Path.Combine(directory, "compare.png")),
            RelationPlots.SaveSvg(plot, Path.Combine(directory, "compare.svg")),
        ];
    }
}
