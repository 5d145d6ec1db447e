namespace Relations.Model.Yaml;

/// <summary>A node of a loaded YAML document, with the 1-based line and column where it starts.</summary>
public abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>How many nodes this one stands for once aliases are expanded; bounds alias bombs.</summary>
    internal long ExpandedSize { get; set; } = 1;

    /// <summary>What the node is, in words a scenario writer knows ("a list", "a mapping", "a value").</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="IsNull"/> for an empty value, <c>~</c> or <c>null</c> written plain.</summary>
public sealed class YamlTreeScalar(int line, int column, string value, bool isNull) : YamlTreeNode(line, column)
{
    public string Value { get; } = value;
    public bool IsNull { get; } = isNull;
    public override string Describe() => IsNull ? "an empty value" : $"the value '{Value}'";
}

/// <summary>A sequence of nodes.</summary>
public sealed class YamlTreeSequence(int line, int column) : YamlTreeNode(line, column)
{
    public List<YamlTreeNode> Items { get; } = [];
    public override string Describe() => "a list";
}

/// <summary>A mapping whose keys are scalars, in file order.</summary>
public sealed class YamlTreeMapping(int line, int column) : YamlTreeNode(line, column)
{
    public List<KeyValuePair<YamlTreeScalar, YamlTreeNode>> Entries { get; } = [];

    /// <summary>The keys seen so far, so a duplicate key is found in constant time however long the mapping.</summary>
    internal HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    public override string Describe() => "a mapping";
}
