namespace Relations.Storage.Tests;

/// <summary>Splitting state over the Data, Data1 … Data14 properties and joining it back, without a server.</summary>
public sealed class StateChunksTests
{
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + i / 256)).ToArray();

    private static Dictionary<string, object> Stored(byte[] data)
    {
        var entity = new Dictionary<string, object>();
        StateChunks.Store(data, entity);
        return entity;
    }

    [Fact]
    public void The_properties_are_named_Data_then_Data1_to_Data14()
    {
        var names = Enumerable.Range(0, StateChunks.MaxChunkCount).Select(StateChunks.PropertyName).ToArray();

        Assert.Equal(["Data", "Data1", "Data2", "Data3", "Data4", "Data5", "Data6", "Data7", "Data8", "Data9", "Data10", "Data11", "Data12", "Data13", "Data14"], names);
    }

    [Fact]
    public void The_limit_is_fifteen_properties_of_64_KiB()
    {
        Assert.Equal(65_536, StateChunks.MaxChunkBytes);
        Assert.Equal(983_040, StateChunks.MaxStateBytes);
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(65_535, new[] { 65_535 })]
    [InlineData(65_536, new[] { 65_536 })]
    [InlineData(65_537, new[] { 65_536, 1 })]
    [InlineData(200_000, new[] { 65_536, 65_536, 65_536, 3_392 })]
    public void State_is_cut_into_chunks_of_at_most_64_KiB_in_order(int length, int[] chunkLengths)
    {
        var entity = Stored(Bytes(length));

        Assert.Equal(Enumerable.Range(0, chunkLengths.Length).Select(StateChunks.PropertyName).Order(StringComparer.Ordinal), entity.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(chunkLengths, Enumerable.Range(0, chunkLengths.Length).Select(index => ((byte[])entity[StateChunks.PropertyName(index)]).Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(983_040)]
    public void Joined_chunks_give_back_the_same_bytes(int length)
    {
        var data = Bytes(length);

        Assert.Equal(data, StateChunks.Load(Stored(data)));
    }

    [Fact]
    public void State_at_the_limit_fills_all_fifteen_properties()
    {
        var entity = Stored(Bytes(StateChunks.MaxStateBytes));

        Assert.Equal(15, entity.Count);
        Assert.All(entity.Values, chunk => Assert.Equal(65_536, ((byte[])chunk).Length));
    }

    [Fact]
    public void State_over_the_limit_is_refused()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Stored(Bytes(StateChunks.MaxStateBytes + 1)));

        Assert.Equal(StateChunks.MaxStateBytes + 1, exception.ActualValue);
    }

    [Fact]
    public void An_entity_without_data_properties_loads_as_no_bytes()
    {
        var entity = new Dictionary<string, object> { ["PartitionKey"] = "p", ["RowKey"] = "r" };

        Assert.Empty(StateChunks.Load(entity));
    }

    [Fact]
    public void Chunks_read_as_base64_text_or_binary_data_join_like_byte_arrays()
    {
        var data = Bytes(70_000);
        var entity = new Dictionary<string, object>
        {
            ["Data"] = Convert.ToBase64String(data, 0, 65_536),
            ["Data1"] = new BinaryData(data.AsMemory(65_536)),
        };

        Assert.Equal(data, StateChunks.Load(entity));
    }

    [Fact]
    public void Other_properties_are_ignored_and_a_property_of_another_kind_is_an_error()
    {
        var entity = new Dictionary<string, object> { ["Data"] = new byte[] { 1, 2 }, ["Note"] = "not state", ["Data15"] = new byte[] { 9 } };
        Assert.Equal([1, 2], StateChunks.Load(entity));

        entity["Data1"] = 42;
        var exception = Assert.Throws<InvalidDataException>(() => StateChunks.Load(entity));
        Assert.Contains("Data1", exception.Message);
    }
}
