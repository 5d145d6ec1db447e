using System.Text.Json.Serialization;

namespace Relations.Model.Scenarios;

/// <summary>
/// A scenario's title or description in the dashboard's languages (format 1.2, optional <c>titles:</c> and
/// <c>descriptions:</c>): Vietnamese and English, each optional. <c>title</c>/<c>description</c> stay the fallback.
/// </summary>
public sealed record LanguageTexts(string? Vi, string? En)
{
    /// <summary>The language codes a <c>titles:</c> or <c>descriptions:</c> mapping may use.</summary>
    public static readonly string[] Languages = ["vi", "en"];

    /// <summary>The text in <paramref name="language"/> ("vi" or "en"), or null when it is not written.</summary>
    public string? For(string? language) => language switch { "vi" => Vi, "en" => En, _ => null };
}
