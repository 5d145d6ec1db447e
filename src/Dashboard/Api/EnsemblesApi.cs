using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Scenarios;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Api;

/// <summary>
/// The ensemble and sweep endpoints of interfaces.md ("Dashboard HTTP additions"): <c>GET /api/runs/{id}/ensemble.csv</c>
/// (an ensemble started with <c>POST /api/runs</c> and <c>"draws"</c>), <c>POST /api/sweeps</c>, <c>GET /api/sweeps/{id}</c>
/// and its <c>sweep.csv</c> and <c>sensitivity.csv</c>.
/// </summary>
public static class EnsemblesApi
{
    public static void MapEnsemblesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/runs/{id}/ensemble.csv", (string id, EnsembleJobs jobs) => Csv(jobs.Find(id), id, "ensemble", job => job.Ensemble,
            (ensemble, writer) => EnsembleCsv.Write(ensemble, writer)));
        api.MapGet("/runs/{id}/bands.png", (string id, string? dyad, EnsembleJobs jobs, HttpContext http) => Bands(jobs.Find(id), id, dyad, svg: false, http));
        api.MapGet("/runs/{id}/bands.svg", (string id, string? dyad, EnsembleJobs jobs, HttpContext http) => Bands(jobs.Find(id), id, dyad, svg: true, http));
        api.MapPost("/sweeps", PostSweep).RequireAuthorization(Access.Policies.Analyst);
        api.MapGet("/sweeps/{id}", (string id, EnsembleJobs jobs) => jobs.Find(id) is { IsSweep: true } job
            ? Results.Json(new
            {
                id,
                status = RunsApi.StatusName(job.State),
                progress = job.Total == 0 ? 1.0 : (double)job.Done / job.Total,
                cellsDone = job.Done,
                cells = job.Total,
                error = job.Error,
            })
            : ProblemResults.NotFound($"There is no sweep '{id}'."));
        api.MapGet("/sweeps/{id}/sweep.csv", (string id, EnsembleJobs jobs) => Csv(jobs.Find(id), id, "sweep", job => job.Sweep,
            (sweep, writer) => SweepCsv.Write(sweep, writer)));
        api.MapGet("/sweeps/{id}/sensitivity.csv", (string id, EnsembleJobs jobs) => Csv(jobs.Find(id), id, "sensitivity", job => job.Sensitivity,
            (rows, writer) => SensitivityCsv.Write(rows, writer)));
    }

    /// <summary>
    /// Reads <c>"draws"</c> (with <c>"seed"</c>) of a run request: null without draws, else the number, or a problem.
    /// Used by <c>POST /api/runs</c>, which starts an ensemble instead of a single run when draws are given.
    /// </summary>
    public static (int? Draws, IResult? Problem) Draws(string? text) =>
        text is null ? (null, null)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= EnsembleJobs.MaxRuns ? (n, null)
        : (null, ProblemResults.BadRequest("Bad draws", $"draws '{text}' must be a whole number from 1 to {EnsembleJobs.MaxRuns}"));

    private static async Task<IResult> PostSweep(HttpRequest request, ScenarioCatalog catalog, EnsembleJobs jobs, IOptions<RelationsOptions> options, Access.Quotas quotas)
    {
        var limit = options.Value.MaxUploadBytes;
        if (await Upload.ReadAsync(request, limit) is not { } body)
            return ProblemResults.TooLarge(limit);
        if (Upload.Decode(body) is not { } text)
            return ProblemResults.BadRequest("The body is not UTF-8", "The body is not valid UTF-8 text.");
        string? scenarioId = null, drawsText = request.Query["draws"].FirstOrDefault(), seedText = request.Query["seed"].FirstOrDefault();
        var settings = request.Query["set"].Where(s => s is not null).Select(s => s!).ToList();
        var isJson = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (isJson)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    return ProblemResults.BadRequest("Not a sweep", "The JSON body must be an object with \"scenarioId\" and \"set\".");
                scenarioId = root.TryGetProperty("scenarioId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (root.TryGetProperty("set", out var set) && set.ValueKind == JsonValueKind.Object)
                    settings.AddRange(set.EnumerateObject().Select(p => $"{p.Name}={string.Join(',', p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(v => v.GetRawText()) : [p.Value.GetRawText()])}"));
                drawsText = root.TryGetProperty("draws", out var d) && d.ValueKind != JsonValueKind.Null ? d.GetRawText() : drawsText;
                seedText = root.TryGetProperty("seed", out var s) && s.ValueKind != JsonValueKind.Null ? s.GetRawText() : seedText;
            }
            catch (JsonException ex)
            {
                return ProblemResults.BadRequest("The body is not JSON", ex.Message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            }
        }

        SweepGrid grid;
        try
        {
            grid = SweepGrid.Parse(settings);
        }
        catch (FormatException ex)
        {
            return ProblemResults.BadRequest("Bad sweep setting", ex.Message.Replace("--set ", "set "));
        }
        var (draws, drawsProblem) = Draws(drawsText);
        if (drawsProblem is not null)
            return drawsProblem;
        var seed = 0;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            return ProblemResults.BadRequest("Bad seed", $"seed '{seedText}' is not a whole number");
        if (grid.CellCount * (draws ?? 1) > EnsembleJobs.MaxRuns)
            return ProblemResults.BadRequest("Sweep too large", $"{grid.CellCount} cells × {draws ?? 1} draws is more than {EnsembleJobs.MaxRuns} runs");
        if (draws is { } n && EnsembleRunner.SeedOf(seed, n - 1) is null)
            return ProblemResults.BadRequest("Bad seed", $"seed {seed} with {n} draws passes the largest seed");

        Scenario scenario;
        try
        {
            if (isJson)
            {
                if (string.IsNullOrEmpty(scenarioId) || catalog.Find(scenarioId) is not { } entry)
                    return ProblemResults.BadRequest("Unknown scenario", $"There is no scenario '{scenarioId}'; GET /api/scenarios lists them.");
                scenario = catalog.Load(entry);
            }
            else
            {
                var (checkedScenario, problems) = catalog.CheckText(Upload.FileName, text, request.HttpContext.RequestAborted);
                if (checkedScenario is null)
                    return ProblemResults.InvalidScenario(problems);
                scenario = checkedScenario;
            }
            // At most EnsembleJobs.MaxRuns (checked above), so the count fits an int.
            await quotas.TakeAsync(Grains.Interfaces.QuotaKeys.SweepRuns, (int)(grid.CellCount * (draws ?? 1)));
            var id = jobs.StartSweep(scenario, grid, SampleStep.Month, draws, seed);
            return Results.Created($"/api/sweeps/{id}", new { id, status = "running" });
        }
        catch (ScenarioException ex)
        {
            return ProblemResults.InvalidScenario(ex.Problems);
        }
    }

    /// <summary>
    /// An ensemble's band plot of one dyad (<c>?dyad=A~B</c>), by default the dyad whose 5–95 % band is widest: where
    /// the curve could lie given the dated ranges, for the run page to show.
    /// </summary>
    private static IResult Bands(EnsembleJob? job, string id, string? dyad, bool svg, HttpContext http)
    {
        if (job is null || job.IsSweep)
            return ProblemResults.NotFound($"There is no ensemble '{id}'.");
        if (job.State != Grains.Interfaces.RunState.Completed || job.Ensemble is not { } ensemble)
            return ProblemResults.NotReady($"'{id}' is {RunsApi.StatusName(job.State)} ({job.Done} of {job.Total} draws done); try again when it is completed.");
        var index = dyad is null
            ? Enumerable.Range(0, ensemble.Bands.Count).MaxBy(d => ensemble.Bands[d].Quantile(95).Zip(ensemble.Bands[d].Quantile(5)).Max(p => p.First - p.Second))
            : Enumerable.Range(0, ensemble.Bands.Count).FirstOrDefault(d => Views.RunPlots.Key(ensemble.Bands[d].Dyad) == dyad, -1);
        if (index < 0)
            return ProblemResults.BadRequest("Unknown dyad", $"'{dyad}' is not a dyad of this ensemble; write it as A~B.");
        var plot = Plots.BandPlots.ForDyad(ensemble, index);
        http.Response.Headers[Microsoft.Net.Http.Headers.HeaderNames.XContentTypeOptions] = "nosniff";
        if (svg)
            http.Response.Headers[Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy] = RunsApi.SvgPolicy;
        return svg
            ? Results.File(Encoding.UTF8.GetBytes(Plots.RelationPlots.GetSvg(plot)), "image/svg+xml", $"{id}-bands.svg")
            : Results.File(Plots.RelationPlots.GetPng(plot), "image/png", $"{id}-bands.png");
    }

    private static IResult Csv<T>(EnsembleJob? job, string id, string name, Func<EnsembleJob, T?> result, Action<T, TextWriter> write)
        where T : class
    {
        if (job is null)
            return ProblemResults.NotFound($"There is no {(name == "ensemble" ? "ensemble" : "sweep")} '{id}'.");
        if (job.State == Grains.Interfaces.RunState.Failed)
            return ProblemResults.NotReady($"'{id}' failed: {job.Error}");
        if (job.State != Grains.Interfaces.RunState.Completed || result(job) is not { } value)
            return ProblemResults.NotReady($"'{id}' is still running ({job.Done} of {job.Total} done); try again when it is completed.");
        var text = new StringWriter(CultureInfo.InvariantCulture);
        write(value, text);
        return Results.File(new UTF8Encoding(false).GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{id}-{name}.csv");
    }
}
