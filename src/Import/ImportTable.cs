using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// One sheet or CSV file as rows of text cells, numbered as a spreadsheet program shows them (row 1 is the first
/// row, column 1 the first column), so that every problem points at the cell an analyst can find. The rows are read
/// as they are enumerated, once: a table is never held whole.
/// </summary>
public sealed record ImportTable(string Display, IEnumerable<ImportRow> Rows)
{
    public SourcePosition At(int row, int column) => new(Display, row, column);

    public Problem Problem(int row, int column, string message) => new(At(row, column), message);
}

/// <summary>A row of an <see cref="ImportTable"/>: its number and its cells' text (trimmed; empty for a blank cell).</summary>
public sealed record ImportRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The text of a 1-based column; empty past the last cell.</summary>
    public string this[int column] => column >= 1 && column <= Cells.Count ? Cells[column - 1] : "";

    public bool IsBlank => Cells.All(c => c.Length == 0);
}
