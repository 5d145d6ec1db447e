using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using Relations.Dashboard.Views;

namespace Relations.Dashboard.Localization;

/// <summary>
/// Puts the language in the URL. A first path segment <c>/en</c> or <c>/vi</c> becomes part of the path base, so the
/// pages' routes stay as they are and every link written <c>~/…</c> (and every form, redirect and tag helper) keeps
/// the reader's language; no prefix means Vietnamese. <c>?lang=vi|en</c> on a page answers with a redirect to the
/// prefixed address; on the API it chooses the language of that answer, which is English when the URL says nothing
/// (scripts and their logs).
/// </summary>
public static class LanguagePath
{
    private const string Chosen = "relations-language";
    private const string BaseBefore = "relations-path-base";

    /// <summary>Answers requests in the language their URL names (see the type's summary); unknown <c>lang</c> values get 400.</summary>
    public static IApplicationBuilder UseLanguageInPath(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            http.Items[BaseBefore] = request.PathBase;
            string? prefixed = null;
            foreach (var language in Language.All)
            {
                if (request.Path.StartsWithSegments("/" + language, out var rest))
                {
                    prefixed = language;
                    request.PathBase = request.PathBase.Add("/" + language);
                    request.Path = rest.HasValue ? rest : "/";
                    break;
                }
            }
            var asked = request.Query["lang"];
            if (!StringValues.IsNullOrEmpty(asked))
            {
                if (Language.Problem(asked) is { } problem)
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(problem + "\n");
                    return;
                }
                if (HttpMethods.IsGet(request.Method) && !IsApi(request.Path))
                {
                    http.Response.Redirect(Address(http, asked!));
                    return;
                }
                prefixed = asked;
            }
            http.Items[Chosen] = prefixed ?? (IsApi(request.Path) ? "en" : Language.Default);
            await next(http);
        });
        return app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = Request(Language.Default);
            options.SupportedCultures = [.. Language.All.Select(Language.Culture)];
            options.SupportedUICultures = [.. Language.All.Select(l => System.Globalization.CultureInfo.GetCultureInfo(l))];
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http => Task.FromResult<ProviderCultureResult?>(
                    http.Items[Chosen] is string language ? new ProviderCultureResult(Language.Culture(language).Name, language) : null)),
            ];
        });
    }

    /// <summary>This page in <paramref name="language"/>: the same path and query, with that language's prefix (none for Vietnamese).</summary>
    public static string Address(HttpContext http, string language)
    {
        var request = http.Request;
        var pathBase = http.Items[BaseBefore] is PathString before ? before : request.PathBase;
        var query = QueryString.Create(request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
        var prefix = language == Language.Default ? "" : "/" + language;
        // One leading slash: a path such as //evil.example must not become a link to another site.
        var path = "/" + (request.Path.Value ?? "").TrimStart('/', '\\');
        return pathBase.Add(prefix).Add(path).Value + query.Value;
    }

    private static RequestCulture Request(string language) => new(Language.Culture(language), System.Globalization.CultureInfo.GetCultureInfo(language));

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api");
}
