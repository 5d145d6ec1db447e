using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The header row of an imported table: which column holds which field. Names are matched without regard to case
/// or surrounding spaces; an unknown or repeated name is an error (a typo must not silently drop a column). The data
/// rows follow from the same enumeration, read once.
/// </summary>
public sealed class HeaderRow
{
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private readonly IEnumerator<ImportRow> rows;
    private readonly List<Problem> problems;
    private readonly HashSet<int> reported = [];
    private bool[] named = [];

    private HeaderRow(ImportTable table, IEnumerator<ImportRow> rows, List<Problem> problems)
    {
        Table = table;
        this.rows = rows;
        this.problems = problems;
    }

    public ImportTable Table { get; }

    /// <summary>Whether the table had a header row at all.</summary>
    public bool Present { get; private set; }

    public bool Has(string field) => columns.ContainsKey(field);

    /// <summary>The 1-based column of a field, or 0 when the table has none.</summary>
    public int ColumnOf(string field) => columns.GetValueOrDefault(field);

    /// <summary>A row's text for a field; empty when the field's column is absent or the cell blank.</summary>
    public string Cell(ImportRow row, string field) => columns.TryGetValue(field, out var column) ? row[column] : "";

    public Problem Problem(ImportRow row, string field, string message) =>
        Table.Problem(row.Number, Math.Max(1, ColumnOf(field)), $"'{field}': {message}");

    /// <summary>
    /// The rows after the header that have some text, read as enumerated (once). A value in a column the header does
    /// not name is reported the first time it is met.
    /// </summary>
    public IEnumerable<ImportRow> DataRows()
    {
        using (rows)
        {
            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (row.IsBlank)
                    continue;
                for (var column = 1; column <= row.Cells.Count; column++)
                {
                    if ((column > named.Length || !named[column - 1]) && row[column].Length > 0 && reported.Add(column))
                        problems.Add(Table.Problem(1, column, "this column has values but no name in the header row"));
                }
                yield return row;
            }
        }
    }

    public static HeaderRow Read(ImportTable table, IReadOnlyList<string> allowed, string what, List<Problem> problems)
    {
        var enumerator = table.Rows.GetEnumerator();
        var header = new HeaderRow(table, enumerator, problems);
        if (!enumerator.MoveNext() || enumerator.Current.IsBlank)
        {
            problems.Add(table.Problem(1, 1, $"row 1 must be a header row naming the columns of {what}: {string.Join(", ", allowed)}"));
            return header;
        }
        header.Present = true;
        var names = enumerator.Current.Cells;
        header.named = [.. names.Select(n => n.Trim().Length > 0)];
        for (var i = 0; i < names.Count; i++)
        {
            var column = i + 1;
            var name = names[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
                continue;
            if (!allowed.Contains(name))
                problems.Add(table.Problem(1, column, $"unknown column '{names[i]}' for {what}; the columns are {string.Join(", ", allowed)}"));
            else if (!header.columns.TryAdd(name, column))
                problems.Add(table.Problem(1, column, $"column '{name}' appears twice (also column {header.columns[name]})"));
        }
        return header;
    }
}
