using System.Text;
using Orleans.Storage;
using Relations.Hosting;

namespace Relations.Storage.Tests;

/// <summary>Large states are stored deflated and read back equal; small ones, and states stored before compression, as they were.</summary>
public sealed class CompressingStorageSerializerTests
{
    /// <summary>Stands for the Orleans serializer: a state is its UTF-8 text.</summary>
    private sealed class TextSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => new(Encoding.UTF8.GetBytes((string)(object)input!));

        public T? Deserialize<T>(BinaryData input) => (T)(object)Encoding.UTF8.GetString(input.ToArray());
    }

    private static readonly CompressingStorageSerializer Serializer = new(new TextSerializer());

    [Fact]
    public void A_large_state_is_stored_deflated_and_read_back_equal()
    {
        var yaml = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"  - {{ id: e{i}, date: 2020-01-01, kind: visit }}\n"));
        var stored = Serializer.Serialize(yaml);
        Assert.True(stored.ToMemory().Span.StartsWith(CompressingStorageSerializer.Magic));
        Assert.True(stored.Length < yaml.Length / 4, $"{yaml.Length} bytes stored as {stored.Length}");
        Assert.Equal(yaml, Serializer.Deserialize<string>(stored));
    }

    [Fact]
    public void A_small_state_and_one_stored_before_compression_read_as_they_were()
    {
        var small = Serializer.Serialize("period: { from: 2013-01-01 }");
        Assert.Equal("period: { from: 2013-01-01 }", Encoding.UTF8.GetString(small.ToArray()));
        var legacy = new string('x', 100_000);
        Assert.Equal(legacy, Serializer.Deserialize<string>(new BinaryData(Encoding.UTF8.GetBytes(legacy))));
    }

    [Fact]
    public void A_stored_state_claiming_an_absurd_size_is_refused()
    {
        var hostile = new byte[16];
        CompressingStorageSerializer.Magic.CopyTo(hostile);
        BitConverter.TryWriteBytes(hostile.AsSpan(4), int.MaxValue);
        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<string>(new BinaryData(hostile)));
    }
}
