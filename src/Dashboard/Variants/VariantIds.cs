using System.Text.RegularExpressions;

namespace Relations.Dashboard.Variants;

/// <summary>The format's id rule (scenario-format.md): what the editor accepts for new events and interruptions.</summary>
public static partial class VariantIds
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
