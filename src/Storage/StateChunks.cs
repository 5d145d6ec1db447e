namespace Relations.Storage;

/// <summary>
/// Spreads serialized state over the binary properties <c>Data</c>, <c>Data1</c> … <c>Data14</c> of one entity and
/// gathers it back.
/// </summary>
/// <remarks>
/// An Azure Table property holds at most 64 KiB and an entity at most 1 MiB, so 15 full properties (960 KiB) leave room
/// for the keys, the timestamp and the property names — the official provider's split.
/// </remarks>
internal static class StateChunks
{
    public const int MaxChunkBytes = 64 * 1024;
    public const int MaxChunkCount = 15;
    public const int MaxStateBytes = MaxChunkBytes * MaxChunkCount;
    public const string BasePropertyName = "Data";

    public static string PropertyName(int index) => index == 0 ? BasePropertyName : BasePropertyName + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="data"/> into the entity's data properties, in chunks of at most 64 KiB.</summary>
    public static void Store(ReadOnlyMemory<byte> data, IDictionary<string, object> entity)
    {
        if (data.Length > MaxStateBytes)
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"At most {MaxStateBytes} bytes fit in {MaxChunkCount} properties of {MaxChunkBytes} bytes.");

        for (int offset = 0, index = 0; offset < data.Length; offset += MaxChunkBytes, index++)
            entity[PropertyName(index)] = data.Slice(offset, Math.Min(MaxChunkBytes, data.Length - offset)).ToArray();
    }

    /// <summary>The bytes of the entity's data properties, in order; empty when it has none (a cleared entity).</summary>
    public static byte[] Load(IDictionary<string, object> entity)
    {
        var chunks = new List<ReadOnlyMemory<byte>>(1);
        for (var index = 0; index < MaxChunkCount; index++)
        {
            if (!entity.TryGetValue(PropertyName(index), out var value))
                continue;
            ReadOnlyMemory<byte> chunk = value switch
            {
                byte[] bytes => bytes,
                BinaryData binary => binary.ToMemory(),
                // A reader without OData type annotations sees binary properties as base64 text.
                string base64 => Convert.FromBase64String(base64),
                _ => throw new InvalidDataException($"Property {PropertyName(index)} holds a {value.GetType().Name}, not binary state."),
            };
            if (!chunk.IsEmpty)
                chunks.Add(chunk);
        }

        var result = new byte[chunks.Sum(chunk => chunk.Length)];
        var position = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(result.AsMemory(position));
            position += chunk.Length;
        }
        return result;
    }
}
