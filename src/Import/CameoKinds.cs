namespace Relations.Import;

/// <summary>
/// Maps CAMEO event codes to the model's kinds by the longest matching code prefix (model.md's kind table, the
/// issue's roots): 0571 is an agreement (057), 0511 cooperation (05). Codes no prefix matches are skipped and
/// reported, unless an option maps them.
/// </summary>
public sealed class CameoKinds
{
    /// <summary>The built-in prefixes: each CAMEO root or code that model.md names for a kind.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Defaults { get; } =
    [
        new("03", "intent"), new("040", "consult"), new("042", "visit"), new("043", "host"), new("05", "cooperate"),
        new("057", "agreement"), new("061", "material"), new("07", "aid"), new("11", "disapprove"), new("16", "reduce"),
    ];

    private readonly Dictionary<string, string> prefixes;

    /// <param name="extra">Further <c>CODE=KIND</c> mappings (the <c>--map</c> option); they override the defaults.</param>
    public CameoKinds(IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        prefixes = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (code, kind) in extra ?? [])
            prefixes[code] = kind;
    }

    /// <summary>The kind of an event code, or null when no prefix of it is mapped.</summary>
    public string? KindOf(string code)
    {
        for (var length = code.Length; length >= 2; length--)
        {
            if (prefixes.TryGetValue(code[..length], out var kind))
                return kind;
        }
        return null;
    }

    /// <summary>Reads <c>CODE=KIND</c>; the message says what is wrong, or is null.</summary>
    public static (KeyValuePair<string, string>? Mapping, string? Problem) Parse(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length is < 2 or > 4 || !parts[0].All(char.IsAsciiDigit))
            return (null, $"--map '{text}' must be CODE=KIND with a CAMEO code of 2 to 4 digits, such as 036=intent");
        if (!Relations.Model.Scenarios.ModelParameters.Default.IsKnownKind(parts[1]))
            return (null, $"--map '{text}': '{parts[1]}' is not a kind of the model ({string.Join(", ", Relations.Model.Scenarios.ModelParameters.Default.Weights.Select(w => w.Key))})");
        return (new(parts[0], parts[1]), null);
    }
}
