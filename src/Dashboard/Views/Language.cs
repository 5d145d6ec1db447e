using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Relations.Dashboard.Views;

/// <summary>
/// The reader's language, vi (Vietnamese, the default) or en (English), always taken from the URL: a path prefix
/// (<c>/en/runs/…</c>, <c>/vi/runs/…</c>; none means Vietnamese) or, for the API and old links, <c>?lang=vi|en</c>.
/// Never from a cookie or the browser's settings, so a shared link opens in the language it was shared in.
/// </summary>
public static class Language
{
    public const string Default = "vi";

    /// <summary>Every language of the interface, the default first.</summary>
    public static readonly IReadOnlyList<string> All = ["vi", "en"];

    /// <summary>"vi" or "en"; anything else is null (each actor's display name).</summary>
    public static string? Normalize(string? language) => language is "vi" or "en" ? language : null;

    /// <summary>Why a <c>lang</c> query value is refused, or null when it is absent or known. In both languages: the
    /// reader's language is what is in doubt.</summary>
    public static string? Problem(string? lang) =>
        lang is not null && Normalize(lang) is null
            ? $"lang={lang}: giao diện có tiếng Việt (vi) và tiếng Anh (en) / the interface is in vi (Vietnamese) or en (English)."
            : null;

    /// <summary>The language this request is answered in ("vi" or "en"), as the request localization chose it from the URL.</summary>
    public static string Of(HttpContext http) =>
        Normalize(http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName) ?? Default;

    /// <summary>The culture dates and numbers are written in: Vietnam's for vi, and day-month-year English for en.</summary>
    public static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "vi-VN");
}
