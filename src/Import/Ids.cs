using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Relations.Import;

/// <summary>The scenario format's id rule, and ids made from titles, file names and codes that keep it.</summary>
public static partial class Ids
{
    public const int MaxLength = 64;

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>
    /// Lower-case ASCII letters, digits and single dashes from any text (Vietnamese diacritics dropped, đ → d),
    /// at most <paramref name="maxLength"/> characters; <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string Slug(string text, string fallback, int maxLength = 48)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
                builder.Append(lower);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
            if (builder.Length >= maxLength)
                break;
        }
        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? fallback : slug;
    }

    /// <summary>Makes ids unique by appending -2, -3, … to repeats, keeping within <see cref="MaxLength"/>.</summary>
    public sealed class Registry
    {
        private readonly HashSet<string> taken = new(StringComparer.Ordinal);

        public string Claim(string wanted)
        {
            if (taken.Add(wanted))
                return wanted;
            for (var n = 2; ; n++)
            {
                var suffix = $"-{n}";
                var candidate = (wanted.Length + suffix.Length > MaxLength ? wanted[..(MaxLength - suffix.Length)] : wanted) + suffix;
                if (taken.Add(candidate))
                    return candidate;
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}

/// <summary>Reading the text of a cell as the scenario format's values.</summary>
public static partial class CellValues
{
    public static DateOnly? Day(string text) =>
        DayPattern().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    public static string DayProblem(string text) =>
        text.Length > 10 && Day(text[..10]) is not null
            ? $"'{text}' must be a calendar day YYYY-MM-DD, without a time"
            : $"'{text}' is not a date: write it as YYYY-MM-DD";

    public static int? Whole(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d
        : null;

    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayPattern();
}
