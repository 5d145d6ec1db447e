namespace Relations.Model.Scenarios;

/// <summary>
/// Where a declaration and each of its fields stand in a file. Positions are not content: every two
/// origins compare equal, so a declaration repeated with identical content in two files compares equal
/// and is merged once (scenario-format.md, include rule).
/// </summary>
public sealed class Origin : IEquatable<Origin>
{
    private readonly Dictionary<string, SourcePosition> fields = new(StringComparer.Ordinal);

    public Origin(SourcePosition node) => Node = node;

    /// <summary>An origin for a declaration made in code (generated scenarios, tests).</summary>
    public static Origin None { get; } = new(new SourcePosition("(generated)", 1, 1));

    public SourcePosition Node { get; }

    /// <summary>The position of a field's value, or of the declaration when the field is absent.</summary>
    public SourcePosition this[string field] => fields.TryGetValue(field, out var at) ? at : Node;

    internal void Set(string field, SourcePosition at) => fields[field] = at;

    /// <summary>Whether the field was written (even with a value that was then refused).</summary>
    public bool Has(string field) => fields.ContainsKey(field);

    public bool Equals(Origin? other) => other is not null;
    public override bool Equals(object? obj) => obj is Origin;
    public override int GetHashCode() => 0;
    public override string ToString() => Node.ToString();
}
