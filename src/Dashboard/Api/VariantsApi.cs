using System.Text;
using Microsoft.Net.Http.Headers;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Variants;

namespace Relations.Dashboard.Api;

/// <summary>Exports what-if variants as variant files: saved ones, and the unsaved one behind a variant run.</summary>
public static class VariantsApi
{
    public static void MapVariantsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/variants/{id}.yaml", async (string id, VariantStore store, HttpContext http) =>
            await store.GetAsync(id) is { } saved ? Yaml(saved.Spec.Id, VariantYaml.Write(saved.Spec), http)
                : ProblemResults.NotFound($"There is no saved variant '{id}'."));
        app.MapGet("/api/runs/{id}/variant.yaml", (string id, WhatIfRunner whatIf, HttpContext http) =>
            RunService.IsRunId(id) && whatIf.DraftOf(id) is { } spec ? Yaml(spec.Id, VariantYaml.Write(spec), http)
                : ProblemResults.NotFound($"Run '{id}' was not started from the what-if editor of this dashboard."));
    }

    private static IResult Yaml(string id, string text, HttpContext http)
    {
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.File(new UTF8Encoding(false).GetBytes(text), "application/yaml; charset=utf-8", $"{id}.yaml");
    }
}
