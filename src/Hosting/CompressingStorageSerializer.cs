using System.Buffers.Binary;
using System.IO.Compression;
using Orleans.Storage;

namespace Relations.Hosting;

/// <summary>
/// Wraps a grain storage serializer and deflates large states, so that a run's stored source (an upload near the
/// dashboard's 1 MiB limit) fits a table entity (about 960 KiB over the provider's split properties). States below
/// <see cref="Threshold"/> are stored as the inner serializer writes them; a compressed one starts with
/// <see cref="Magic"/> and its uncompressed length, so both kinds — and states stored before compression — read back.
/// </summary>
public sealed class CompressingStorageSerializer(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    /// <summary>States smaller than this are not worth the CPU of compressing.</summary>
    public const int Threshold = 32 * 1024;

    /// <summary>Marks a compressed state: four bytes no Orleans binary payload starts with ("RZ" 0x00 0x01).</summary>
    public static ReadOnlySpan<byte> Magic => [(byte)'R', (byte)'Z', 0x00, 0x01];

    /// <summary>The most a compressed state may expand to: more than any state the project writes, and a bound against hostile data.</summary>
    public const int MaxInflatedBytes = 256 * 1024 * 1024;

    public BinaryData Serialize<T>(T? input)
    {
        var plain = inner.Serialize(input);
        if (plain.Length < Threshold)
            return plain;
        var output = new MemoryStream(plain.Length / 4 + 16);
        output.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, plain.Length);
        output.Write(length);
        using (var deflate = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            deflate.Write(plain.ToMemory().Span);
        return new BinaryData(output.GetBuffer().AsMemory(0, (int)output.Length));
    }

    public T? Deserialize<T>(BinaryData input)
    {
        var bytes = input.ToMemory();
        if (bytes.Length < 8 || !bytes.Span[..4].SequenceEqual(Magic))
            return inner.Deserialize<T>(input);
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.Span[4..8]);
        if (length is < 0 or > MaxInflatedBytes)
            throw new InvalidDataException($"a stored state claims {length} bytes uncompressed, outside 0…{MaxInflatedBytes}");
        var plain = new byte[length];
        using (var inflate = new ZLibStream(new MemoryStream(bytes[8..].ToArray()), CompressionMode.Decompress))
            inflate.ReadExactly(plain);
        return inner.Deserialize<T>(new BinaryData(plain));
    }
}
