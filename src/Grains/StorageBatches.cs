namespace Relations.Grains;

/// <summary>
/// Grain calls that read or write storage, a bounded number at a time: ten thousand writes at once queue up in
/// the storage service (an Azurite here) longer than Orleans waits for an answer (30 s), and a run would fail
/// for nothing.
/// </summary>
internal static class StorageBatches
{
    /// <summary>How many storage-bound calls a run has in flight at once.</summary>
    public const int Size = 256;

    public static async Task Run<T>(IEnumerable<T> items, Func<T, Task> call)
    {
        foreach (var batch in items.Chunk(Size))
            await Task.WhenAll(batch.Select(call));
    }
}
