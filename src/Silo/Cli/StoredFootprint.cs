using Azure.Data.Tables;

namespace Relations.Silo.Cli;

/// <summary>
/// What grain state and reminders take in a storage account: entities and bytes (keys and property values as
/// stored, binary and text), per table. Membership is left out: it belongs to the silos, not to runs.
/// </summary>
internal sealed record StoredFootprint(long Entities, long Bytes, IReadOnlyDictionary<string, long> BytesByKind)
{
    public static async Task<StoredFootprint> MeasureAsync(TableServiceClient service, IEnumerable<string> tables, CancellationToken cancellation)
    {
        var (entities, bytes) = (0L, 0L);
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var client = service.GetTableClient(table);
            try
            {
                await foreach (var entity in client.QueryAsync<TableEntity>(cancellationToken: cancellation))
                {
                    entities++;
                    var size = (long)System.Text.Encoding.UTF8.GetByteCount(entity.PartitionKey) + System.Text.Encoding.UTF8.GetByteCount(entity.RowKey);
                    foreach (var (key, value) in entity)
                    {
                        if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
                            continue;
                        size += System.Text.Encoding.UTF8.GetByteCount(key) + value switch
                        {
                            byte[] binary => binary.Length,
                            BinaryData data => data.ToMemory().Length,
                            string text => System.Text.Encoding.UTF8.GetByteCount(text),
                            _ => 8,
                        };
                    }
                    bytes += size;
                    // Grain state rows are named after the state ("simulation", "request", ...); reminders after their table.
                    var kind = table == tables.First() ? entity.RowKey : table;
                    byKind[kind] = byKind.GetValueOrDefault(kind) + size;
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // A table nothing was written to yet.
            }
        }
        return new StoredFootprint(entities, bytes, byKind);
    }

    public static StoredFootprint operator -(StoredFootprint after, StoredFootprint before) =>
        new(after.Entities - before.Entities, after.Bytes - before.Bytes,
            after.BytesByKind.Keys.Union(before.BytesByKind.Keys).ToDictionary(k => k, k => after.BytesByKind.GetValueOrDefault(k) - before.BytesByKind.GetValueOrDefault(k)));
}
