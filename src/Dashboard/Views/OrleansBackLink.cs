using System.Text;

namespace Relations.Dashboard.Views;

/// <summary>
/// A way back from the Orleans dashboard (/orleans/), which is a page of its own without the Relations navigation:
/// its HTML start page gets one link to the Relations start page after the opening body tag. Nothing else is changed.
/// </summary>
public static class OrleansBackLink
{
    private const string Link = "<p id=\"relations-back\"><a href=\"/\">← Relations dashboard</a></p>";

    public static void UseOrleansBackLink(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path.Value;
        if (!HttpMethods.IsGet(http.Request.Method) || path is not ("/orleans/" or "/orleans/index.html"))
        {
            await next(http);
            return;
        }
        // Uncompressed, so the page can be read and the link put in.
        http.Request.Headers.AcceptEncoding = "identity";
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        var bytes = buffer.ToArray();
        if (http.Response.StatusCode == StatusCodes.Status200OK && http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(bytes);
            var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
            var end = body < 0 ? -1 : html.IndexOf('>', body);
            if (end > 0)
                bytes = Encoding.UTF8.GetBytes(html.Insert(end + 1, Link));
        }
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes);
    });
}
