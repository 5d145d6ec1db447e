namespace Relations.Grains.Interfaces;

/// <summary>
/// A failed run's error as a reader may see it: its first sentence, without exception type names, stack frames or
/// source paths (the log keeps those), and not longer than a line or two.
/// </summary>
public static class RunErrors
{
    public const int MaxLength = 300;

    public static string? Plain(string? error)
    {
        if (string.IsNullOrWhiteSpace(error))
            return error;
        var first = error.Split('\n', 2)[0].Trim();
        var colon = first.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && first[..colon].EndsWith("Exception", StringComparison.Ordinal) && !first[..colon].Contains(' '))
            first = first[(colon + 2)..];
        var at = first.IndexOf(" at ", StringComparison.Ordinal);
        if (at > 0 && first.IndexOf('(', at) > 0)
            first = first[..at].Trim();
        if (first.Length > MaxLength)
            first = first[..(MaxLength - 1)] + "…";
        return first.Length == 0 ? "The run failed; the log has the details." : first;
    }
}
