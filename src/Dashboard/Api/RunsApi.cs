using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Views;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Api;

/// <summary>The JSON HTTP API of interfaces.md ("Dashboard HTTP"): scenarios, runs, their series and plots.</summary>
public static class RunsApi
{
    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    /// <summary>An SVG opened on its own must not run script, whatever text a scenario put into it.</summary>
    internal const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    public static void MapRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/scenarios", (ScenarioCatalog catalog) => catalog.Entries.Select(e => new
        {
            id = e.Id,
            title = e.Title,
            description = e.Description,
            kind = e.IsVariant ? "variant" : "scenario",
            @base = e.BaseId,
            path = e.Path,
        }));
        api.MapPost("/runs", PostRun).RequireAuthorization(Access.Policies.Staff);
        // The latest runs a page at a time (?page=1&perPage=100); X-Total-Count says how many there are.
        api.MapGet("/runs", async (int? page, int? perPage, RunService runs, HttpResponse response) =>
        {
            var (number, size) = (page ?? 1, perPage ?? 100);
            if (number < 1 || size is < 1 or > 1000)
                return ProblemResults.BadRequest("Bad page", "page must be at least 1 and perPage between 1 and 1000");
            var listing = await runs.ListAsync((int)Math.Min(int.MaxValue, (number - 1L) * size), size);
            response.Headers["X-Total-Count"] = listing.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(listing.Runs.Select(r => new
            {
                id = r.RunId,
                scenarioId = r.ScenarioId,
                title = r.Title,
                status = StatusName(r.State),
                startedAt = r.StartedAt,
            }));
        });
        api.MapGet("/runs/{id}", GetRun);
        api.MapRunEvents();
        api.MapCompareApi();
        api.MapActorsApi();
        api.MapGet("/runs/{id}/series.csv", SeriesCsvFile);
        api.MapGet("/runs/{id}/series.json", SeriesJsonFile);
        api.MapGet("/runs/{id}/plot.svg", (string id, string[]? dyad, string? lang, RunService runs, RunArtifacts artifacts, HttpContext http) => Plot(id, dyad, lang, svg: true, runs, artifacts, http));
        api.MapGet("/runs/{id}/plot.png", (string id, string[]? dyad, string? lang, RunService runs, RunArtifacts artifacts, HttpContext http) => Plot(id, dyad, lang, svg: false, runs, artifacts, http));
    }

    /// <summary>The interfaces.md status words.</summary>
    public static string StatusName(RunState state) => state switch
    {
        RunState.Completed => "completed",
        RunState.Failed => "failed",
        _ => "running",
    };

    private static async Task<IResult> PostRun(HttpRequest request, ScenarioCatalog catalog, RunService runs, JobService jobs, IOptions<RelationsOptions> options, Access.Quotas quotas,
        Variants.VariantStore variants)
    {
        var drawsText = request.Query["draws"].FirstOrDefault();
        var limit = options.Value.MaxUploadBytes;
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType);
        var mediaType = contentType?.MediaType.Value?.ToLowerInvariant() ?? "";
        var isYaml = YamlTypes.Contains(mediaType);
        var isJson = mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);
        if (!isYaml && !isJson)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: "Send a scenario or variant as Content-Type: application/yaml, or {\"scenarioId\": \"...\"} as application/json.");
        }
        var body = await Upload.ReadAsync(request, limit);
        if (body is null)
            return ProblemResults.TooLarge(limit);
        if (Upload.Decode(body) is not { } text)
            return ProblemResults.BadRequest("The body is not UTF-8", "The body is not valid UTF-8 text.");

        var step = SampleStep.Month;
        if (request.Query["step"].ToString() is { Length: > 0 } stepWord)
        {
            if (stepWord is not ("month" or "day" or "week" or "year"))
                return ProblemResults.BadRequest("Unknown step", $"step '{stepWord}' is not one of month, day, week, year");
            step = Sampling.Parse(stepWord);
        }
        int? seed = int.TryParse(request.Query["seed"], out var s) ? s : null;

        Scenario scenario;
        ScenarioSource? source;
        if (isYaml && quotas.Current is { } uploader && !uploader.Is(Access.Roles.Analyst) && !uploader.IsOperator)
            throw new Access.RoleRefusedException("Uploading a scenario is an analyst's work; run one of the folder's scenarios by its id instead.");
        if (isYaml)
        {
            var (checkedScenario, checkedSource, problems) = catalog.CheckTextWithSource(Upload.FileName, text, request.HttpContext.RequestAborted);
            if (checkedScenario is null)
                return ProblemResults.InvalidScenario(problems);
            var tooLarge = UploadLimits.Check(checkedScenario, step, Upload.FileName);
            if (tooLarge.Count > 0)
                return ProblemResults.InvalidScenario(tooLarge);
            (scenario, source) = (checkedScenario, checkedSource);
        }
        else
        {
            string? scenarioId;
            try
            {
                using var json = JsonDocument.Parse(text);
                scenarioId = json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("scenarioId", out var idProperty) && idProperty.ValueKind == JsonValueKind.String
                    ? idProperty.GetString() : null;
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("step", out var stepProperty))
                {
                    var word = stepProperty.ValueKind == JsonValueKind.String ? stepProperty.GetString()! : stepProperty.GetRawText();
                    if (word is not ("month" or "day" or "week" or "year"))
                        return ProblemResults.BadRequest("Unknown step", $"step '{word}' is not one of month, day, week, year");
                    step = Sampling.Parse(word);
                }
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("draws", out var drawsProperty))
                    drawsText = drawsProperty.GetRawText();
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("seed", out var seedProperty)
                    && seedProperty.TryGetInt32(out var jsonSeed))
                    seed = jsonSeed;
            }
            catch (JsonException ex)
            {
                return ProblemResults.BadRequest("The body is not JSON", ex.Message, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            }
            if (string.IsNullOrEmpty(scenarioId))
                return ProblemResults.BadRequest("No scenarioId", "The JSON body needs \"scenarioId\": the id of a scenario from GET /api/scenarios.");
            if (catalog.Find(scenarioId) is { } entry)
            {
                try
                {
                    (scenario, source) = catalog.LoadWithSource(entry);
                }
                catch (ScenarioException ex)
                {
                    return ProblemResults.InvalidScenario(ex.Problems);
                }
            }
            else if (await variants.GetAsync(scenarioId) is { } saved)
            {
                // A saved what-if by its id, read as its file against the scenarios folder (its base may have changed since).
                var (checkedScenario, checkedSource, problems) = catalog.CheckTextWithSource(Variants.WhatIfRunner.FileName(saved.Spec),
                    Variants.VariantStore.YamlOf(saved), request.HttpContext.RequestAborted);
                if (checkedScenario is null)
                    return ProblemResults.InvalidScenario(problems);
                (scenario, source) = (checkedScenario, checkedSource);
            }
            else
            {
                return ProblemResults.BadRequest("Unknown scenario",
                    $"There is no scenario or saved variant '{scenarioId}'; GET /api/scenarios and GET /api/variants list them.");
            }
        }

        if (SampleCoverage.Problem(scenario.Period, step) is { } noSample)
            return ProblemResults.BadRequest("No sample", noSample);
        // With "draws": an ensemble, draw i replaying with seed S + i (S the seed, 0 by default); its id is also its deterministic run's.
        var (draws, drawsProblem) = EnsemblesApi.Draws(drawsText);
        if (drawsProblem is not null)
            return drawsProblem;
        // Either answers at once (202 with the address that follows it): the run or the job goes on in the cluster.
        if (draws is { } n)
        {
            if (quotas.Current is { } caller && !caller.Is(Access.Roles.Analyst) && !caller.IsOperator)
                throw new Access.RoleRefusedException("Ensembles are an analyst's work; this one was not started.");
            await quotas.TakeAsync(QuotaKeys.Draws, n);
            var ensembleId = await jobs.StartEnsembleAsync(new RunRequest(scenario, step, seed ?? 0) { Source = source }, n);
            return EnsemblesApi.Accepted(ensembleId, await jobs.StatusAsync(ensembleId));
        }
        var id = await runs.StartAsync(new RunRequest(scenario, step, seed) { Source = source });
        return Results.Accepted($"/api/runs/{id}", new { id, status = "running", page = $"/runs/{id}" });
    }

    private static async Task<IResult> GetRun(string id, RunService runs)
    {
        if (await runs.StatusAsync(id) is not { } status)
            return ProblemResults.NotFound($"There is no run '{id}'.");
        var request = await runs.RequestAsync(id);
        return Results.Json(new
        {
            id,
            status = StatusName(status.State),
            progress = status.State == RunState.Completed ? 1.0 : status.Progress,
            error = RunErrors.Plain(status.Error),
            waiting = status.Waiting,
            scenarioId = status.ScenarioId,
            title = request?.Scenario.Title,
            step = request is null ? null : Sampling.Name(request.Step),
            seed = request?.Seed,
            slicesDone = status.SlicesDone,
            slicesTotal = status.SlicesTotal,
            page = $"/runs/{id}",
        });
    }

    private static async Task<IResult> SeriesCsvFile(string id, RunService runs, RunArtifacts artifacts, HttpContext http)
    {
        if (await runs.ResultAsync(id) is not { } result)
            return await NoResult(id, runs);
        var mark = CsvDownload.WantsMark(http);
        return await artifacts.FileAsync(http, id, mark ? "series.csv+bom" : "series.csv", "text/csv; charset=utf-8", $"{id}-series.csv", () =>
        {
            var text = new StringWriter();
            SeriesCsv.Write(result, text);
            return CsvDownload.Bytes(text.ToString(), mark);
        });
    }

    private static async Task<IResult> SeriesJsonFile(string id, RunService runs, RunArtifacts artifacts, HttpContext http)
    {
        if (await runs.ResultAsync(id) is not { } result)
            return await NoResult(id, runs);
        return await artifacts.FileAsync(http, id, "series.json", "application/json; charset=utf-8", $"{id}-series.json", () =>
        {
            using var stream = new MemoryStream();
            SeriesJson.Write(result, stream, id, "actors");
            return stream.ToArray();
        });
    }

    private static async Task<IResult> Plot(string id, string[]? dyad, string? lang, bool svg, RunService runs, RunArtifacts artifacts, HttpContext http)
    {
        if (await runs.ResultAsync(id) is not { } result)
            return await NoResult(id, runs);
        if (Language.Problem(lang) is { } badLanguage)
            return ProblemResults.BadRequest("Unknown language", badLanguage);
        if (RunPlots.Problem(dyad ?? [], result) is { } badDyad)
            return ProblemResults.BadRequest("Unknown relationship", badDyad);
        var chosen = RunPlots.Parse(dyad ?? [], result);
        var language = Language.Normalize(lang);
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var name = $"plot.{(svg ? "svg" : "png")}?{language}&{string.Join('&', chosen.Select(RunPlots.Key))}";
        if (!svg)
            return await artifacts.FileAsync(http, id, name, "image/png", $"{id}-plot.png",
                () => RelationPlots.GetPng(RunPlots.Build(result, chosen, language), RunPlots.Width, RunPlots.Height));
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = SvgPolicy;
        return await artifacts.FileAsync(http, id, name, "image/svg+xml", $"{id}-plot.svg",
            () => Encoding.UTF8.GetBytes(RelationPlots.GetSvg(RunPlots.Build(result, chosen, language), RunPlots.Width, RunPlots.Height)));
    }

    private static async Task<IResult> NoResult(string id, RunService runs) =>
        await runs.StatusAsync(id) switch
        {
            null => ProblemResults.NotFound($"There is no run '{id}'."),
            { State: RunState.Failed } failed => ProblemResults.NotReady($"Run '{id}' failed: {RunErrors.Plain(failed.Error)}"),
            var running => ProblemResults.NotReady($"Run '{id}' is still running ({running.Progress:P0}); try again when GET /api/runs/{id} says completed."),
        };
}
