using Microsoft.Net.Http.Headers;

namespace Relations.Dashboard.Hosting;

/// <summary>
/// A second line behind HTML encoding: the pages run only the dashboard's own script file, so text from a scenario
/// that slipped through as markup still could not run. The Orleans dashboard under /orleans keeps its own rules.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/orleans"))
            {
                http.Response.Headers[HeaderNames.ContentSecurityPolicy] = Policy;
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "same-origin";
            }
            await next(http);
        });
}
