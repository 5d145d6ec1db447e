using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Silo.Cli;

/// <summary>The plots a command writes beside its CSV: a result's overview and per-dyad plots, or a comparison overlay.</summary>
internal static class PlotFiles
{
    public static IReadOnlyList<string> WriteAll(SeriesResult result, string directory) => RelationPlots.WriteAll(result, directory);

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
