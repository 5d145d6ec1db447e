using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// Reads CSV files (CsvHelper) and .xlsx sheets (MiniExcel) into <see cref="ImportTable"/>s whose rows are read as
/// they are enumerated, so a table is never held whole.
/// </summary>
public static class TableReaders
{
    /// <summary>
    /// The most one part of a workbook (a sheet's XML, the shared strings) may expand to. A scenario holds at most 4 MiB
    /// of YAML, and a sheet of the same events takes at most about ten times that as XML, so a larger part cannot hold
    /// an importable sheet: it is refused from the zip directory before a byte of it is inflated (a workbook bomb).
    /// </summary>
    public const long MaxWorkbookPartBytes = 64L * 1024 * 1024;

    /// <summary>Excel's own last row: a sheet that claims more was not saved by a spreadsheet program.</summary>
    public const int MaxSheetRows = 1_048_576;

    internal static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader of the file as strict UTF-8 text; a byte-order mark is dropped.</summary>
    public static StreamReader OpenText(ImportFile file) => new(file.Open(), Strict, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>
    /// A comma-separated file with quoted fields as RFC 4180 writes them; a record spanning lines is one row. Text that
    /// is not UTF-8 ends the table with a problem naming its row.
    /// </summary>
    public static ImportTable ReadCsv(ImportFile file, List<Problem> problems) => new(file.Name, CsvRows(file, problems));

    private static IEnumerable<ImportRow> CsvRows(ImportFile file, List<Problem> problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false,
            BadDataFound = bad => problems.Add(new Problem(new(file.Name, bad.Context.Parser?.Row ?? 1, 1),
                $"a quote in the middle of a field breaks the CSV: {Shorten(bad.RawRecord)}; put the field in double quotes and double the quotes inside")),
        };
        using var reader = OpenText(file);
        using var parser = new CsvParser(reader, config);
        var number = 0;
        while (Read(parser, file.Name, number + 1, problems))
        {
            number++;
            yield return new ImportRow(number, [.. (parser.Record ?? []).Select(c => c.Trim())]);
        }
    }

    private static bool Read(CsvParser parser, string file, int row, List<Problem> problems)
    {
        try
        {
            return parser.Read();
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new Problem(new(file, row, 1), "this row is not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in a spreadsheet program)"));
            return false;
        }
    }

    /// <summary>
    /// The sheet names of a workbook, in order; null with a problem when the bytes are no .xlsx workbook, or when a part
    /// of it expands beyond <see cref="MaxWorkbookPartBytes"/>.
    /// </summary>
    public static IReadOnlyList<string>? SheetNames(ImportFile file, List<Problem> problems)
    {
        try
        {
            using (var zip = new ZipArchive(file.Open(), ZipArchiveMode.Read))
            {
                foreach (var entry in zip.Entries)
                {
                    var part = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                        || entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                    if (part && entry.Length > MaxWorkbookPartBytes)
                    {
                        problems.Add(new Problem(new(file.Name, 1, 1), string.Create(CultureInfo.InvariantCulture,
                            $"the workbook's part {entry.FullName} expands from {entry.CompressedLength / 1024.0:N0} KB to {entry.Length / 1024.0 / 1024:N0} MB, more than the {MaxWorkbookPartBytes / 1024 / 1024} MB any importable sheet needs (a scenario holds at most 4 MiB); split the events into smaller files")));
                        return null;
                    }
                }
            }
            using var stream = file.Open();
            return MiniExcel.GetSheetNames(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or IOException)
        {
            problems.Add(new Problem(new(file.Name, 1, 1), $"the file is not an .xlsx workbook: {ex.Message}"));
            return null;
        }
    }

    /// <summary>One sheet, read as enumerated; its problems are reported under <c>FILE[SHEET]</c>.</summary>
    public static ImportTable ReadSheet(ImportFile file, string sheet, List<Problem> problems)
    {
        var display = $"{file.Name}[{sheet}]";
        return new ImportTable(display, SheetRows(file, sheet, display, problems));
    }

    private static IEnumerable<ImportRow> SheetRows(ImportFile file, string sheet, string display, List<Problem> problems)
    {
        using var stream = file.Open();
        var number = 0;
        // Without a header row MiniExcel keys cells by column letter (A, B, …) and yields empty rows for gaps, so the
        // n-th row read is the sheet's row n. Query reads the sheet's XML as it is enumerated.
        using var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX).GetEnumerator();
        while (Next(rows, display, number + 1, problems))
        {
            if (++number > MaxSheetRows)
            {
                problems.Add(new Problem(new(display, number, 1), string.Create(CultureInfo.InvariantCulture,
                    $"the sheet has more than {MaxSheetRows:N0} rows, more than a spreadsheet program saves")));
                yield break;
            }
            var row = (IDictionary<string, object?>)rows.Current;
            yield return new ImportRow(number, [.. row.Values.Select(CellText)]);
        }
    }

    private static bool Next(IEnumerator<dynamic> rows, string display, int row, List<Problem> problems)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or NotSupportedException or System.Xml.XmlException or IOException or FormatException)
        {
            problems.Add(new Problem(new(display, row, 1), $"the sheet cannot be read from this row on: {ex.Message}"));
            return false;
        }
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

/// <summary>
/// The lines of a text file, numbered from 1, read as strict UTF-8 one at a time: a line that is not UTF-8 ends the
/// reading with a problem naming it.
/// </summary>
internal sealed class LineReader(ImportFile file, List<Problem> problems) : IDisposable
{
    private readonly StreamReader reader = TableReaders.OpenText(file);

    public int Number { get; private set; }

    public string? Next()
    {
        try
        {
            var line = reader.ReadLine();
            if (line is not null)
                Number++;
            return line;
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new Problem(new(file.Name, Number + 1, 1), "this line is not UTF-8 text: convert the file to UTF-8 (iconv -f latin1 -t utf-8)"));
            return null;
        }
    }

    public void Dispose() => reader.Dispose();
}
