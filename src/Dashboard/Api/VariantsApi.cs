using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Api;

/// <summary>
/// Saved variants over HTTP (interfaces.md, "Dashboard HTTP additions"): list, read with an ETag, save with optimistic
/// concurrency (201 new, 409 taken without If-Match, 412 stale If-Match, 200 replaced), delete; and the unsaved
/// variant behind a variant run.
/// </summary>
public static class VariantsApi
{
    public static void MapVariantsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/variants/{id}.yaml", async (string id, VariantStore store, HttpContext http) =>
            await store.GetAsync(id) is { } saved ? Yaml(saved.Spec.Id, VariantStore.YamlOf(saved), http)
                : ProblemResults.NotFound($"There is no saved variant '{id}'."));
        app.MapGet("/api/runs/{id}/variant.yaml", (string id, WhatIfRunner whatIf, HttpContext http) =>
            RunService.IsRunId(id) && whatIf.DraftOf(id) is { } spec ? Yaml(spec.Id, VariantYaml.Write(spec), http)
                : ProblemResults.NotFound($"Run '{id}' was not started from the what-if editor of this dashboard."));

        var api = app.MapGroup("/api/variants");
        api.MapGet("", async (VariantStore store) => (await store.ListAsync()).Select(v => new
        {
            id = v.Spec.Id,
            title = v.Spec.Title,
            @base = v.Spec.BaseId,
            saved_at = v.SavedAt,
            saved_by = v.SavedBy,
            etag = v.ETag,
        }));
        api.MapGet("/{id}", async (string id, VariantStore store, HttpContext http) =>
        {
            if (await store.GetAsync(id) is not { } saved)
                return ProblemResults.NotFound($"There is no saved variant '{id}'.");
            http.Response.Headers.ETag = saved.ETag;
            return Yaml(id, VariantStore.YamlOf(saved), http);
        });
        api.MapPut("/{id}", Put);
        api.MapDelete("/{id}", async (string id, VariantStore store) =>
            await store.RemoveAsync(id) ? Results.NoContent() : ProblemResults.NotFound($"There is no saved variant '{id}'."));
    }

    private static async Task<IResult> Put(string id, HttpRequest request, ScenarioCatalog catalog, VariantStore store,
        IOptions<RelationsOptions> options)
    {
        if (catalog.Find(id) is { } taken)
            return Conflict($"'{id}' is the id of the {(taken.IsVariant ? "exercise" : "scenario")} {taken.Path}; choose another id.");
        var limit = options.Value.UploadBytesFor(Access.Caller.Of(request.HttpContext.User));
        var body = await Upload.ReadAsync(request, limit);
        if (body is null)
            return ProblemResults.TooLarge(limit);
        if (Upload.Decode(body) is not { } text)
            return ProblemResults.BadRequest("The body is not UTF-8", "The body is not valid UTF-8 text.");
        var (variant, problems) = catalog.CheckText(id + ".yaml", text, request.HttpContext.RequestAborted);
        if (variant is null)
            return ProblemResults.InvalidScenario(problems);
        if (variant.BaseId is null)
            return ProblemResults.BadRequest("Not a variant", "The body is a scenario; only variant files (with 'variant:' and 'base:') are saved here.");
        if (variant.Id != id)
            return ProblemResults.BadRequest("Id mismatch", $"The file's variant id is '{variant.Id}' but the address names '{id}'.");

        var spec = new VariantSpec(id, variant.Title, variant.Description, variant.BaseId,
            catalog.Find(variant.BaseId)?.Path ?? "", [], [], []);
        var ifMatch = request.Headers.IfMatch.ToString();
        var savedBy = request.Headers["X-Saved-By"].ToString();
        var outcome = await store.SaveAsync(spec, text, ifMatch, savedBy);
        var saved = await store.GetAsync(id);
        if (saved is not null)
            request.HttpContext.Response.Headers.ETag = saved.ETag;
        return outcome switch
        {
            SaveOutcome.Created => Results.Created($"/api/variants/{id}", new { id, etag = saved?.ETag }),
            SaveOutcome.Replaced => Results.Ok(new { id, etag = saved?.ETag }),
            SaveOutcome.Exists => Conflict($"A variant '{id}' is saved already; send If-Match with its ETag to replace it."),
            _ => Results.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed since you read it",
                detail: $"The saved variant '{id}' is not the version If-Match names: someone saved or deleted it since."),
        };
    }

    private static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The id is taken", detail: detail);

    private static IResult Yaml(string id, string text, HttpContext http)
    {
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.File(new UTF8Encoding(false).GetBytes(text), "application/yaml; charset=utf-8", $"{id}.yaml");
    }
}
