using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Relations.Dashboard.Localization;

/// <summary>
/// Text that comes from a scenario (titles, names, notes, sources) is shown as written, not translated; where it is
/// in another language than the page (an English event title on a Vietnamese page, a Vietnamese quote on an English
/// one), it is wrapped in an element with that <c>lang</c>, so that screen readers and translation tools read it right.
/// </summary>
public static class DataText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The language a scenario text is written in: "zh" with Chinese characters; "vi" when at least a quarter of its
    /// words carry Vietnamese letters (an English sentence naming Lào Cai stays English); "en" for other Latin text;
    /// null with no letters (ids, numbers).
    /// </summary>
    public static string? Guess(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        int words = 0, vietnamese = 0;
        var inWord = false;
        var marked = false;
        foreach (var c in text.Append(' '))
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
                return "zh";
            if (char.IsLetter(c))
            {
                inWord = true;
                marked |= IsVietnamese(c);
                continue;
            }
            if (inWord)
            {
                words++;
                vietnamese += marked ? 1 : 0;
            }
            inWord = marked = false;
        }
        return words == 0 ? null : vietnamese * 4 >= words ? "vi" : "en";
    }

    /// <summary>The page's language ("vi" or "en"), the one a scenario's <c>titles:</c> are picked in.</summary>
    public static string Page => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>A scenario's title in the page's language (format 1.2 <c>titles:</c>), falling back to its <c>title</c>.</summary>
    public static string Title(Relations.Model.Scenarios.Scenario scenario) => scenario.TitleIn(Page);

    /// <summary>The text, HTML-encoded, in a <c>span lang</c> when its language is not the page's.</summary>
    public static IHtmlContent Text(this IHtmlHelper html, string? text) => Wrap(text, "span");

    /// <summary>As <see cref="Text"/>, for an element's attributes: the <c>lang</c> attribute the element needs, or null.</summary>
    public static string? LangOf(string? text) =>
        Guess(text) is { } language && language != CultureInfo.CurrentUICulture.TwoLetterISOLanguageName ? language : null;

    private static IHtmlContent Wrap(string? text, string element)
    {
        if (string.IsNullOrEmpty(text))
            return HtmlString.Empty;
        var encoded = Encoder.Encode(text);
        return LangOf(text) is { } language
            ? new HtmlString($"<{element} lang=\"{language}\">{encoded}</{element}>")
            : new HtmlString(encoded);
    }

    private static bool IsVietnamese(char c) =>
        c is >= '\u1EA0' and <= '\u1EF9' || "ăâđêôơưĂÂĐÊÔƠƯàáãèéìíòóõùúýÀÁÃÈÉÌÍÒÓÕÙÚÝ".Contains(c);
}
