using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The header row of an imported table: which column holds which field. Names are matched without regard to case
/// or surrounding spaces; an unknown or repeated name is an error (a typo must not silently drop a column).
/// </summary>
public sealed class HeaderRow
{
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);

    private HeaderRow(ImportTable table) => Table = table;

    public ImportTable Table { get; }

    /// <summary>The data rows: every row after the header that has some text.</summary>
    public IEnumerable<ImportRow> DataRows => Table.Rows.Skip(1).Where(r => !r.IsBlank);

    public bool Has(string field) => columns.ContainsKey(field);

    /// <summary>The 1-based column of a field, or 0 when the table has none.</summary>
    public int ColumnOf(string field) => columns.GetValueOrDefault(field);

    /// <summary>A row's text for a field; empty when the field's column is absent or the cell blank.</summary>
    public string Cell(ImportRow row, string field) => columns.TryGetValue(field, out var column) ? row[column] : "";

    public Problem Problem(ImportRow row, string field, string message) =>
        Table.Problem(row.Number, Math.Max(1, ColumnOf(field)), $"'{field}': {message}");

    public static HeaderRow Read(ImportTable table, IReadOnlyList<string> allowed, string what, List<Problem> problems)
    {
        var header = new HeaderRow(table);
        if (table.Rows.Count == 0 || table.Rows[0].IsBlank)
        {
            problems.Add(table.Problem(1, 1, $"row 1 must be a header row naming the columns of {what}: {string.Join(", ", allowed)}"));
            return header;
        }
        var names = table.Rows[0].Cells;
        for (var i = 0; i < names.Count; i++)
        {
            var column = i + 1;
            var name = names[i].Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                if (table.Rows.Skip(1).Any(r => r[column].Length > 0))
                    problems.Add(table.Problem(1, column, "this column has values but no name in the header row"));
            }
            else if (!allowed.Contains(name))
                problems.Add(table.Problem(1, column, $"unknown column '{names[i]}' for {what}; the columns are {string.Join(", ", allowed)}"));
            else if (!header.columns.TryAdd(name, column))
                problems.Add(table.Problem(1, column, $"column '{name}' appears twice (also column {header.columns[name]})"));
        }
        return header;
    }
}
