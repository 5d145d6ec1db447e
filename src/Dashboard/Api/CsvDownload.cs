using System.Text;

namespace Relations.Dashboard.Api;

/// <summary>
/// CSV files for a spreadsheet: with <c>?bom=1</c> — as the pages' download links ask — a CSV starts with UTF-8's
/// byte-order mark, so Excel reads Vietnamese names as UTF-8 instead of guessing a code page. Without it the file is
/// exactly what interfaces.md specifies and the CLI writes (no mark), for scripts that read the first column's name.
/// </summary>
public static class CsvDownload
{
    /// <summary>The query that asks for the mark, for a page's link: <c>href="/api/runs/ID/series.csv?@CsvDownload.Query"</c>.</summary>
    public const string Query = "bom=1";

    /// <summary>Whether this request asked for the byte-order mark.</summary>
    public static bool WantsMark(HttpContext http) => http.Request.Query["bom"] == "1";

    /// <summary>The file's bytes: UTF-8, after the byte-order mark when <paramref name="mark"/>.</summary>
    public static byte[] Bytes(string text, bool mark) => Bytes(new UTF8Encoding(false).GetBytes(text), mark);

    /// <summary>UTF-8 bytes of a file, after the byte-order mark when <paramref name="mark"/>.</summary>
    public static byte[] Bytes(byte[] utf8, bool mark) => mark ? [.. Encoding.UTF8.Preamble, .. utf8] : utf8;
}
