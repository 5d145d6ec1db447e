namespace Relations.Storage;

/// <summary>
/// Partition and row keys of the grain-state entities, as the official Orleans Azure Table provider forms them:
/// the partition is the service id and grain id, the row is the state name.
/// </summary>
internal static class TableKeys
{
    /// <summary>Azure Table keys hold at most 1 KiB; like the official provider, a key of 1024 characters or more is refused.</summary>
    public const int MaxKeyLength = 1023;

    public static string PartitionKey(string serviceId, GrainId grainId) => Sanitize($"{serviceId}_{grainId}");

    public static string RowKey(string stateName) => Sanitize(stateName);

    /// <summary>Replaces the characters Azure Table storage forbids in keys ('/', '\', '#', '?') by '_'.</summary>
    public static string Sanitize(string key)
    {
        var sanitized = key.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');
        if (sanitized.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"Key of {sanitized.Length} characters is too long for an Azure table key (at most {MaxKeyLength}): {sanitized[..64]}…",
                nameof(key));
        }
        return sanitized;
    }
}
