using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Plots;

namespace Relations.Dashboard.Api;

/// <summary>
/// The compare page's files, as <c>relations compare</c> writes them: <c>GET /api/compare.csv?base=R1&amp;variant=R2</c>
/// (interfaces.md's compare.csv) and the overlay plot as PNG or SVG, of every dyad or of those named by <c>dyad</c>.
/// </summary>
public static class CompareApi
{
    public static void MapCompareApi(this RouteGroupBuilder api)
    {
        api.MapGet("/compare.csv", async ([FromQuery(Name = "base")] string? baseRun, string? variant, RunService runs, HttpContext http) =>
        {
            if (await PairAsync(baseRun, variant, runs) is not ({ } b, { } v))
                return ProblemResults.NotFound("Give two completed runs: ?base=RUN&variant=RUN.");
            var path = Path.GetTempFileName();
            try
            {
                Comparison.WriteCsv(Comparison.Rows(b, v), path);
                return Results.File(CsvDownload.Bytes(await File.ReadAllBytesAsync(path), CsvDownload.WantsMark(http)), "text/csv; charset=utf-8", "compare.csv");
            }
            finally
            {
                File.Delete(path);
            }
        });
        api.MapGet("/compare/plot.{format}", async (string format, [FromQuery(Name = "base")] string? baseRun, string? variant,
            string[]? dyad, string? lang, RunService runs, HttpContext http) =>
        {
            if (format is not ("png" or "svg"))
                return ProblemResults.NotFound("The plot is plot.png or plot.svg.");
            if (Language.Problem(lang) is { } badLanguage)
                return ProblemResults.BadRequest("Unknown language", badLanguage);
            if (await PairAsync(baseRun, variant, runs) is not ({ } b, { } v))
                return ProblemResults.NotFound("Give two completed runs: ?base=RUN&variant=RUN.");
            if (RunPlots.Problem(dyad ?? [], b, v) is { } badDyad)
                return ProblemResults.BadRequest("Unknown relationship", badDyad);
            var plot = Plot(b, v, dyad ?? [], Language.Normalize(lang));
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return format == "png"
                ? Results.File(RelationPlots.GetPng(plot), "image/png", "compare.png")
                : Results.File(Encoding.UTF8.GetBytes(RelationPlots.GetSvg(plot)), "image/svg+xml", "compare.svg");
        });
    }

    /// <summary>The overlay of the chosen dyads (all when none); the keys are known dyads (<see cref="RunPlots.Problem"/>).</summary>
    public static ScottPlot.Multiplot Plot(SeriesResult baseResult, SeriesResult variant, IReadOnlyCollection<string> keys, string? language)
    {
        var options = PlotOptions.Default with { Language = language };
        if (keys.Count == 0)
            return RelationPlots.Compare(baseResult, variant, options);
        SeriesResult Only(SeriesResult r) => r with { Dyads = [.. r.Dyads.Where(d => keys.Contains(RunPlots.Key(d.Dyad)))] };
        return RelationPlots.Compare(Only(baseResult), Only(variant), options with { MaxDyads = keys.Count });
    }

    private static async Task<(SeriesResult?, SeriesResult?)> PairAsync(string? baseRun, string? variant, RunService runs) =>
        RunService.IsRunId(baseRun) && RunService.IsRunId(variant)
            ? (await runs.ResultAsync(baseRun!), await runs.ResultAsync(variant!))
            : (null, null);
}
