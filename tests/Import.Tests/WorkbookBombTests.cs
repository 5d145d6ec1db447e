using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using static Relations.Import.Tests.TestData;

namespace Relations.Import.Tests;

/// <summary>
/// Workbooks whose sheets expand far beyond what a scenario can hold are refused in bounded time: from the zip
/// directory when a part expands past any importable sheet, else as soon as the events read pass the scenario's size.
/// </summary>
public sealed class WorkbookBombTests
{
    /// <summary>
    /// A minimal .xlsx (the parts a spreadsheet program needs) whose one sheet repeats one event row
    /// <paramref name="rows"/> times below its header row, written through a deflate stream so the file stays small.
    /// </summary>
    internal static byte[] Bomb(int rows, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="events" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            string[] strings = ["date", "kind", "actor_a", "actor_b", "2019-05-10", "visit", "lao-cai-city", "hekou"];
            Part("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Length}" uniqueCount="{strings.Length}">{string.Concat(strings.Select(s => $"<si><t>{s}</t></si>"))}</sst>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open(), new UTF8Encoding(false), 1 << 16);
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            sheet.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>""");
            for (var row = 2; row <= rows + 1; row++)
                sheet.Write($"""<row r="{row}"><c r="A{row}" t="s"><v>4</v></c><c r="B{row}" t="s"><v>5</v></c><c r="C{row}" t="s"><v>6</v></c><c r="D{row}" t="s"><v>7</v></c></row>""");
            sheet.Write("</sheetData></worksheet>");
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_workbook_whose_sheet_expands_to_two_million_rows_is_refused_from_its_zip_directory()
    {
        var bomb = Bomb(2_000_000, CompressionLevel.Fastest);

        var clock = Stopwatch.StartNew();
        var result = ScenarioImporter.Import(new ImportFile("bomb.xlsx", bomb), Actors());
        clock.Stop();

        Assert.Null(result.Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("bomb.xlsx:1:1: the workbook's part xl/worksheets/sheet1.xml expands from ", problem.ToString());
        Assert.Contains("more than the 64 MB any importable sheet needs", problem.Message);
        Assert.Equal(0, result.Summary.Rows);
    }

    [Fact]
    public void A_sheet_within_the_part_limit_stops_being_read_once_its_events_pass_a_scenarios_size()
    {
        var sheet = Bomb(60_000);

        var result = ScenarioImporter.Import(new ImportFile("large.xlsx", sheet), Actors());

        Assert.Null(result.Scenario);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("reading stopped here: what was kept so far already makes a scenario of more than 4 MiB", problem.Message);
        Assert.True(result.Summary.Stopped);
        Assert.InRange(problem.At.Line, 10_000, 50_000);
        Assert.Equal(problem.At.Line - 1, result.Summary.Rows);
    }
}
