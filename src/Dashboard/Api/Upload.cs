using System.Text;

namespace Relations.Dashboard.Api;

/// <summary>Reads an uploaded scenario, variant or event file: at most the configured size, strict UTF-8 for text.</summary>
public static class Upload
{
    /// <summary>The name an upload's problems are reported under; it sits in the scenarios folder, so a variant's base resolves there.</summary>
    public const string FileName = "upload.yaml";

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body's bytes, or null when it is larger than <paramref name="limit"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Whether an uploaded file is an analyst's event file to import (a spreadsheet, CSV, GDELT export or ICEWS event file) rather than
    /// a scenario or variant: by its name, as the browser sends it.
    /// </summary>
    public static bool IsEventFile(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".xlsx" or ".csv" or ".tsv" or ".tab" or ".txt";

    /// <summary>The bytes as text without a byte-order mark; null when they are not UTF-8.</summary>
    public static string? Decode(byte[] bytes)
    {
        try
        {
            var text = Strict.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
