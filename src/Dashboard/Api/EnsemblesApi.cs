using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Api;

/// <summary>
/// Ensembles and sweeps over HTTP, each a job of the cluster (interfaces.md, "Jobs" and "Dashboard HTTP additions"):
/// <c>GET /api/jobs</c> and <c>/api/jobs/{id}</c> (kind, state, progress, time left, the CSV links), the CSVs and band
/// plots, <c>POST /api/jobs/{id}/cancel</c> and <c>/retry</c>; <c>POST /api/sweeps</c> (answering 202 at once) and the
/// 1.1 addresses <c>/api/sweeps/{id}</c>, <c>/api/runs/{id}/ensemble.csv</c> and <c>/bands.png|svg</c>. Any dashboard of
/// the cluster serves any job.
/// </summary>
public static class EnsemblesApi
{
    public static void MapEnsemblesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/jobs", async (JobService jobs) => (await jobs.ListAsync()).Select(j => new
        {
            id = j.JobId,
            kind = JobClient.Word(j.Kind),
            status = JobClient.Word(j.State),
            startedAt = j.StartedAt,
            scenarioId = j.ScenarioId,
            title = j.Title,
            size = j.Size,
            page = PageOf(j.JobId, j.Kind),
        }));
        api.MapGet("/jobs/{id}", async (string id, JobService jobs) => await jobs.StatusAsync(id) is { } status
            ? Results.Json(Describe(status))
            : ProblemResults.NotFound($"There is no ensemble or sweep '{id}'."));
        api.MapPost("/jobs/{id}/cancel", async (string id, JobService jobs) => await jobs.StatusAsync(id) is null
            ? ProblemResults.NotFound($"There is no ensemble or sweep '{id}'.")
            : Results.Accepted($"/api/jobs/{id}", Describe(await jobs.CancelAsync(id))));
        api.MapPost("/jobs/{id}/retry", async (string id, JobService jobs) => await jobs.RetryAsync(id) is { } again
            ? Accepted(again, await jobs.StatusAsync(again))
            : ProblemResults.NotFound($"There is no ensemble or sweep '{id}'."));
        foreach (var prefix in (string[])["/jobs", "/runs"])
        {
            api.MapGet(prefix + "/{id}/ensemble.csv", (string id, JobService jobs, HttpContext http) => Csv(jobs, http, id, "ensemble", o => o.Ensemble, (e, w) => EnsembleCsv.Write(e, w)));
            api.MapGet(prefix + "/{id}/bands.png", (string id, string? dyad, JobService jobs, HttpContext http) => Bands(jobs, id, dyad, svg: false, http));
            api.MapGet(prefix + "/{id}/bands.svg", (string id, string? dyad, JobService jobs, HttpContext http) => Bands(jobs, id, dyad, svg: true, http));
        }
        api.MapGet("/jobs/{id}/series.csv", (string id, JobService jobs, HttpContext http) => Csv(jobs, http, id, "series", o => o.Ensemble?.Deterministic, (s, w) => Model.Output.SeriesCsv.Write(s, w)));
        foreach (var prefix in (string[])["/jobs", "/sweeps"])
        {
            api.MapGet(prefix + "/{id}/sweep.csv", (string id, JobService jobs, HttpContext http) => Csv(jobs, http, id, "sweep", o => o.Sweep, (s, w) => SweepCsv.Write(s, w)));
            api.MapGet(prefix + "/{id}/sensitivity.csv", (string id, JobService jobs, HttpContext http) => Csv(jobs, http, id, "sensitivity", o => o.Sweep,
                (sweep, w) => SensitivityCsv.Write(Sensitivity.Of(sweep), sweep.Cells[0].Replay.Scenario, w)));
        }
        api.MapPost("/sweeps", PostSweep).RequireAuthorization(Access.Policies.Analyst);
        api.MapGet("/sweeps/{id}", async (string id, JobService jobs) => await jobs.StatusAsync(id) is { Kind: JobKind.Sweep } status
            ? Results.Json(new
            {
                id,
                status = JobClient.Word(status.State),
                progress = status.Progress,
                cellsDone = status.State == JobState.Completed ? status.Cells : status.Done / (1 + (status.Draws ?? 0)),
                cells = status.Cells,
                error = status.Error,
            })
            : ProblemResults.NotFound($"There is no sweep '{id}'."));
    }

    /// <summary>The page that follows a job: an ensemble's uncertainty view or a sweep's page.</summary>
    public static string PageOf(string id, JobKind kind) => kind == JobKind.Sweep ? $"/sweeps/{id}" : $"/runs/{id}/uncertainty";

    /// <summary>202 Accepted with the job's address: the job goes on in the cluster.</summary>
    public static IResult Accepted(string id, JobStatus? status) =>
        Results.Accepted($"/api/jobs/{id}", status is null ? new { id, status = "running" } : Describe(status));

    /// <summary>A job as <c>GET /api/jobs/{id}</c> answers it.</summary>
    public static object Describe(JobStatus status)
    {
        var id = status.JobId;
        string[] files = status.Kind == JobKind.Sweep ? ["sweep.csv", "sensitivity.csv"] : ["ensemble.csv", "series.csv"];
        return new
        {
            id,
            kind = JobClient.Word(status.Kind),
            status = JobClient.Word(status.State),
            progress = status.Progress,
            done = status.Done,
            total = status.Total,
            draws = status.Draws,
            cells = status.Cells,
            size = status.Size,
            timeLeftSeconds = status.TimeLeft?.TotalSeconds,
            error = status.Error,
            startedAt = status.StartedAt,
            endedAt = status.EndedAt,
            scenarioId = status.ScenarioId,
            title = status.Title,
            fromRun = status.FromRun,
            files = status.State == JobState.Completed ? files.ToDictionary(f => f, f => $"/api/jobs/{id}/{f}") : [],
            page = PageOf(id, status.Kind),
        };
    }

    /// <summary>
    /// Reads <c>"draws"</c> (with <c>"seed"</c>) of a run request: null without draws, else the number, or a problem.
    /// Used by <c>POST /api/runs</c>, which starts an ensemble instead of a single run when draws are given.
    /// </summary>
    public static (int? Draws, IResult? Problem) Draws(string? text) =>
        text is null ? (null, null)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= JobService.MaxRuns ? (n, null)
        : (null, ProblemResults.BadRequest("Bad draws", $"draws '{text}' must be a whole number from 1 to {JobService.MaxRuns}"));

    private static async Task<IResult> PostSweep(HttpRequest request, ScenarioCatalog catalog, JobService jobs, IOptions<RelationsOptions> options, Access.Quotas quotas)
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
        if (grid.CellCount * (draws ?? 1) > JobService.MaxRuns)
            return ProblemResults.BadRequest("Sweep too large", $"{grid.CellCount} cells × {draws ?? 1} draws is more than {JobService.MaxRuns} runs");
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
            // A cell whose values break a rule of the scenario is refused here, before a job starts.
            foreach (var cell in grid.Cells())
                cell.Apply(scenario);
        }
        catch (ScenarioException ex)
        {
            return ProblemResults.InvalidScenario(ex.Problems);
        }
        // At most JobService.MaxRuns (checked above), so the count fits an int.
        await quotas.TakeAsync(Grains.Interfaces.QuotaKeys.SweepRuns, (int)(grid.CellCount * (draws ?? 1)));
        var jobId = await jobs.StartSweepAsync(scenario, settings, draws, seed);
        return Accepted(jobId, await jobs.StatusAsync(jobId));
    }

    /// <summary>
    /// An ensemble's band plot of one dyad (<c>?dyad=A~B</c>), by default the dyad whose 5–95 % band is widest: where
    /// the curve could lie given the dated ranges, for the run page to show.
    /// </summary>
    private static async Task<IResult> Bands(JobService jobs, string id, string? dyad, bool svg, HttpContext http)
    {
        if (await jobs.StatusAsync(id) is not { Kind: JobKind.Ensemble } status)
            return ProblemResults.NotFound($"There is no ensemble '{id}'.");
        if (await jobs.OutcomeAsync(id) is not { Ensemble: { } ensemble })
            return NotReady(status);
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

    private static async Task<IResult> Csv<T>(JobService jobs, HttpContext http, string id, string name, Func<JobOutcome, T?> result, Action<T, TextWriter> write)
        where T : class
    {
        if (await jobs.StatusAsync(id) is not { } status)
            return ProblemResults.NotFound($"There is no {(name is "ensemble" or "series" ? "ensemble" : "sweep")} '{id}'.");
        if (await jobs.OutcomeAsync(id) is not { } outcome)
            return NotReady(status);
        if (result(outcome) is not { } value)
            return ProblemResults.NotFound($"'{id}' is {(status.Kind == JobKind.Sweep ? "a sweep" : "an ensemble")}; it has no {name}.csv.");
        var text = new StringWriter(CultureInfo.InvariantCulture);
        write(value, text);
        return Results.File(CsvDownload.Bytes(text.ToString(), CsvDownload.WantsMark(http)), "text/csv; charset=utf-8", $"{id}-{name}.csv");
    }

    private static IResult NotReady(JobStatus status) => ProblemResults.NotReady(status.State switch
    {
        JobState.Failed => $"'{status.JobId}' failed: {status.Error} POST /api/jobs/{status.JobId}/retry starts it again.",
        JobState.Cancelled => $"'{status.JobId}' was cancelled; POST /api/jobs/{status.JobId}/retry starts it again.",
        _ => $"'{status.JobId}' is still running ({status.Progress:P0}); try again when GET /api/jobs/{status.JobId} says completed.",
    });
}
