using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>Reads CSV files (CsvHelper) and .xlsx sheets (MiniExcel) into <see cref="ImportTable"/>s.</summary>
public static class TableReaders
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes as UTF-8 text without a byte-order mark, or null when they are not UTF-8.</summary>
    public static string? DecodeUtf8(byte[] bytes)
    {
        try
        {
            return Strict.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A comma-separated file with quoted fields as RFC 4180 writes them; a record spanning lines is one row.</summary>
    public static ImportTable ReadCsv(string display, string text, List<Problem> problems)
    {
        var rows = new List<ImportRow>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = bad => problems.Add(new Problem(new(display, bad.Context.Parser?.Row ?? 1, 1),
                $"a quote in the middle of a field breaks the CSV: {Shorten(bad.RawRecord)}; put the field in double quotes and double the quotes inside")),
        };
        using var parser = new CsvParser(new StringReader(text), config);
        var number = 0;
        while (parser.Read())
        {
            number++;
            rows.Add(new ImportRow(number, [.. (parser.Record ?? []).Select(c => c.Trim())]));
        }
        return new ImportTable(display, rows);
    }

    /// <summary>The sheet names of a workbook, in order; null with a problem when the bytes are no .xlsx workbook.</summary>
    public static IReadOnlyList<string>? SheetNames(string display, byte[] bytes, List<Problem> problems)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or IOException)
        {
            problems.Add(new Problem(new(display, 1, 1), $"the file is not an .xlsx workbook: {ex.Message}"));
            return null;
        }
    }

    /// <summary>One sheet; its problems are reported under <c>FILE[SHEET]</c>.</summary>
    public static ImportTable ReadSheet(string file, byte[] bytes, string sheet)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var rows = new List<ImportRow>();
        var number = 0;
        // Without a header row MiniExcel keys cells by column letter (A, B, …) and yields empty rows for gaps, so the
        // n-th row read is the sheet's row n.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            number++;
            rows.Add(new ImportRow(number, [.. row.Values.Select(CellText)]));
        }
        return new ImportTable($"{file}[{sheet}]", rows);
    }

    /// <summary>A cell's value as the text a CSV of the same sheet would hold: days as YYYY-MM-DD, numbers round-trip.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime { TimeOfDay.Ticks: 0 } day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text.TrimEnd('\r', '\n');
}
