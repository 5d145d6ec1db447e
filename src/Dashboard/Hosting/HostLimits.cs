using System.Globalization;
using Microsoft.AspNetCore.HostFiltering;

namespace Relations.Dashboard.Hosting;

/// <summary>
/// Limits at the door: the <c>Host</c> names the dashboard answers (ASP.NET Core's host filtering, set to the
/// addresses it listens on, so a DNS-rebinding page cannot drive a loopback dashboard), and 413 for a body larger
/// than an upload may be, before any form or antiforgery check reads it (those would answer 400).
/// </summary>
public static class HostLimits
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// The hosts to allow for the listen URLs: every loopback name when listening on loopback, the named host
    /// otherwise; "*" when listening on all interfaces (then set AllowedHosts to the names readers use).
    /// </summary>
    public static string[] AllowedHostsFor(string urls)
    {
        var hosts = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = url.IndexOf("://", StringComparison.Ordinal);
            var rest = start < 0 ? url : url[(start + 3)..];
            var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
            if (host is "*" or "+" or "0.0.0.0" or "[::]" or "")
                return ["*"];
            hosts.AddRange(LoopbackNames.Contains(host, StringComparer.OrdinalIgnoreCase) ? LoopbackNames : [host]);
        }
        return hosts.Count == 0 ? ["*"] : [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Sets host filtering from the listen URLs, unless <c>AllowedHosts</c> is configured.</summary>
    public static void AddHostLimits(this WebApplicationBuilder builder, string defaultUrls)
    {
        if (!string.IsNullOrEmpty(builder.Configuration["AllowedHosts"]))
            return;
        var urls = builder.Configuration["urls"] is { Length: > 0 } configured ? configured : defaultUrls;
        builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = AllowedHostsFor(urls));
    }

    /// <summary>Answers 413 to a request whose declared length is over <paramref name="maxBytes"/>, on every path.</summary>
    public static void UseUploadLimit(this WebApplication app, long maxBytes) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > maxBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"The upload is larger than {maxBytes / 1024.0 / 1024.0:0.##} MiB, the most a scenario or variant may be here.\n"));
                return;
            }
            await next(http);
        });
}
