using System.Globalization;
using System.Text;

namespace Relations.Model.Scenarios;

/// <summary>
/// Makes a problem's text safe to print: control and bidirectional-override characters shown as escapes (a value
/// with a newline or an ANSI escape cannot forge lines or colour a terminal), and echoed values shortened, so a
/// multi-megabyte value does not come back as a multi-megabyte message.
/// </summary>
public static class ProblemText
{
    /// <summary>Longest message kept; the longest quoted values are shortened first.</summary>
    public const int MaxLength = 400;

    /// <summary>Longest echoed value ('…' in a message) kept whole.</summary>
    public const int MaxValue = 80;

    public static string Clean(string text)
    {
        var escaped = Escape(text);
        if (escaped.Length <= MaxLength)
            return escaped;
        var shortened = ShortenQuoted(escaped);
        return shortened.Length <= MaxLength ? shortened : shortened[..(MaxLength - 1)] + "…";
    }

    private static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\uFEFF';

    /// <summary>Cuts every quoted value longer than <see cref="MaxValue"/> to its start, saying how long it was.</summary>
    private static string ShortenQuoted(string text)
    {
        var builder = new StringBuilder(MaxLength * 2);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('\'', i);
            var close = open < 0 ? -1 : text.IndexOf('\'', open + 1);
            if (close < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }
            builder.Append(text, i, open + 1 - i);
            var length = close - open - 1;
            if (length > MaxValue)
                builder.Append(text, open + 1, MaxValue).Append(CultureInfo.InvariantCulture, $"… ({length:N0} characters)");
            else
                builder.Append(text, open + 1, length);
            builder.Append('\'');
            i = close + 1;
        }
        return builder.ToString();
    }
}
