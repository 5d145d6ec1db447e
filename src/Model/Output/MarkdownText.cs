using System.Text;

namespace Relations.Model.Output;

/// <summary>
/// Free text made safe for a GitHub-flavoured Markdown table cell: a pipe cannot end the cell, a line break cannot
/// end the row, and markup characters and HTML are shown as written rather than interpreted.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        text = text.Trim();
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n' or '\u2028' or '\u2029':
                    result.Append("<br>");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
                case '\\' or '|' or '`' or '*' or '_' or '[' or ']' or '#' or '~':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }
}
