using Microsoft.Net.Http.Headers;

namespace Relations.Dashboard.Hosting;

/// <summary>
/// A second line behind HTML encoding: the pages run only the dashboard's own script file, so text from a scenario
/// that slipped through as markup still could not run. The Orleans dashboard under /orleans gets a looser script policy (it runs inline script).
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private const string OrleansPolicy = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            // Set as the response starts, so that an answer whose headers were cleared on the way (an error page,
            // a request past its time budget) still carries them.
            http.Response.OnStarting(() =>
            {
                // The Orleans dashboard runs inline script of its own, so it gets a policy that allows it but still
                // forbids framing, plugins and a changed base; every other header is the same on every path.
                http.Response.Headers[HeaderNames.ContentSecurityPolicy] = http.Request.Path.StartsWithSegments("/orleans") ? OrleansPolicy : Policy;
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "same-origin";
                http.Response.Headers[HeaderNames.XFrameOptions] = "DENY";
                return Task.CompletedTask;
            });
            await next(http);
        });
}
