namespace Relations.Dashboard.Views;

/// <summary>The language actor names are shown in (Actor.NameIn): Vietnamese or English, chosen at a switch and kept in a cookie.</summary>
public static class Language
{
    public const string Cookie = "relations-lang";
    public const string Default = "vi";

    /// <summary>"vi" or "en"; anything else is null (each actor's display name).</summary>
    public static string? Normalize(string? language) => language is "vi" or "en" ? language : null;

    /// <summary>Why a <c>lang</c> query value is refused, or null when it is absent or known.</summary>
    public static string? Problem(string? lang) =>
        lang is not null && Normalize(lang) is null ? $"lang={lang}: names can be shown in vi (Vietnamese) or en (English)." : null;

    /// <summary>The reader's choice: a <c>lang</c> query value, else the cookie, else Vietnamese.</summary>
    public static string Of(HttpContext http) =>
        Normalize(http.Request.Query["lang"]) ?? Normalize(http.Request.Cookies[Cookie]) ?? Default;

    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            if (Normalize(language) is { } chosen)
                http.Response.Cookies.Append(Cookie, chosen, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            // Only a path on this site: an open redirect would let a link send readers anywhere.
            // Browsers drop tabs and newlines from a URL ("/%09/evil" becomes "//evil"), so no control character passes.
            var local = returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
                && !url.Any(char.IsControl);
            return Results.Redirect(local ? returnUrl! : "/");
        });
}
