using System.Globalization;
using System.Text;

namespace Relations.Import;

/// <summary>How many rows gave one skip reason, the first three of them, and what the first one said.</summary>
public sealed record SkipCount(SkipReason Reason, int Count, IReadOnlyList<int> FirstRows, string? Example);

/// <summary>
/// What an import made of every row of an event file: its rows (header rows and blank lines are not rows), the events
/// it kept, and each skip reason with its count and first rows. <c>Events + skips + rows with problems = Rows</c>,
/// always; a successful import has no rows with problems.
/// </summary>
public sealed record ImportSummary(
    string File,
    string Format,
    int Rows,
    int Events,
    IReadOnlyList<SkipCount> Skips,
    int RowsWithProblems,
    int HeaderRows,
    bool Stopped)
{
    public int Skipped => Skips.Sum(s => s.Count);

    /// <summary>The summary as lines for a terminal or a page: the totals, then one line per skip reason.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{File}: {Rows:N0} {(Rows == 1 ? "row" : "rows")} ({Format}): {Events:N0} {(Events == 1 ? "event" : "events")}, {Skipped:N0} skipped"));
        if (RowsWithProblems > 0)
            head.Append(CultureInfo.InvariantCulture, $", {RowsWithProblems:N0} with problems");
        if (HeaderRows > 0)
            head.Append(CultureInfo.InvariantCulture, $"; {HeaderRows:N0} header {(HeaderRows == 1 ? "row" : "rows")} not counted");
        if (Stopped)
            head.Append("; reading stopped early, so later rows are not counted");
        lines.Add(head.ToString());
        foreach (var skip in Skips)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {skip.Count:N0} skipped: {SkipReasons.Describe(skip.Reason)} (first {(skip.FirstRows.Count == 1 ? "row" : "rows")} {string.Join(", ", skip.FirstRows)}){(skip.Example is null ? "" : $"; row {skip.FirstRows[0]}: {skip.Example}")}"));
        }
        return lines;
    }
}

/// <summary>Counts rows, events and skips as a file is read; memory is one entry a reason, whatever the file's size.</summary>
internal sealed class SummaryTally(string file)
{
    private readonly Dictionary<SkipReason, (int Count, List<int> First, string? Example)> skips = [];
    private readonly HashSet<int> rowsWithProblems = [];

    public int Rows { get; private set; }
    public int HeaderRows { get; private set; }
    public bool Stopped { get; set; }

    public void Row() => Rows++;

    public void Header() => HeaderRows++;

    public void Problem(int row) => rowsWithProblems.Add(row);

    public void Skip(SkipReason reason, int row, string? example = null)
    {
        if (!skips.TryGetValue(reason, out var entry))
            entry = (0, new List<int>(3), example);
        if (entry.First.Count < 3)
            entry.First.Add(row);
        skips[reason] = (entry.Count + 1, entry.First, entry.Example);
    }

    public ImportSummary Summary(string format, int events) =>
        new(file, format, Rows, events,
            [.. skips.OrderBy(s => s.Key).Select(s => new SkipCount(s.Key, s.Value.Count, s.Value.First, s.Value.Example))],
            rowsWithProblems.Count, HeaderRows, Stopped);
}
