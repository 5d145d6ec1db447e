using System.Globalization;
using System.Text;

namespace Relations.Import;

/// <summary>
/// Place names as the actors file's <c>places</c> column matches them against an event file's place fields: without
/// regard to case or diacritics (<c>Lào Cai</c> = <c>LAO CAI</c>; đ = d), punctuation read as spaces, and an entry
/// matching a field when its words stand in the field as whole consecutive words (<c>Yunnan</c> matches
/// <c>Yunnan Sheng</c>, <c>Lao Cai</c> matches <c>Lao Cai, Lao Cai, Vietnam</c> and <c>Tinh Lao Cai</c>). GDELT writes
/// <c>?</c> for a letter it lost (<c>Ha N?i</c>); such a <c>?</c> in a field stands for any one letter.
/// </summary>
public static class PlaceNames
{
    /// <summary>The folded form: lower-case ASCII letters and digits, other letters without their marks, single spaces.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(' ');
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c) || c == '?')
                builder.Append(char.ToLowerInvariant(c));
            else if (builder[^1] != ' ')
                builder.Append(' ');
        }
        if (builder[^1] != ' ')
            builder.Append(' ');
        return builder.ToString();
    }

    /// <summary>Whether a folded entry's words stand as whole consecutive words in a folded field (both from <see cref="Fold"/>).</summary>
    public static bool Matches(string foldedEntry, string foldedField)
    {
        if (foldedEntry.Length <= 2 || foldedField.Length < foldedEntry.Length)
            return false;
        if (!foldedField.Contains('?'))
            return foldedField.Contains(foldedEntry, StringComparison.Ordinal);
        for (var start = 0; start + foldedEntry.Length <= foldedField.Length; start++)
        {
            if (foldedField[start] != ' ')
                continue;
            var match = true;
            for (var i = 1; i < foldedEntry.Length && match; i++)
            {
                var f = foldedField[start + i];
                match = f == foldedEntry[i] || (f == '?' && foldedEntry[i] != ' ');
            }
            if (match)
                return true;
        }
        return false;
    }
}
