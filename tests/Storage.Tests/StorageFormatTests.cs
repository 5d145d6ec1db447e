using Azure;
using Azure.Data.Tables;
using Orleans.Storage;

namespace Relations.Storage.Tests;

/// <summary>How state lands in the table: sanitised keys, 64 KiB chunks, and the size an entity can hold.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFormatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string TableName = "FormatState";

    private TestStorage storage = null!;

    private TableClient Table => new TableServiceClient(azurite.ConnectionString).GetTableClient(TableName);

    public async Task InitializeAsync() =>
        storage = await TestStorage.StartAsync(azurite.ConnectionString, TableName, deleteStateOnClear: false);

    public Task DisposeAsync()
    {
        storage.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_table_is_created_at_initialisation()
    {
        var tables = await new TableServiceClient(azurite.ConnectionString).QueryAsync(table => table.Name == TableName).ToListAsync();

        Assert.Single(tables);
    }

    [Fact]
    public async Task The_entity_is_keyed_by_service_and_grain_then_state_name_with_forbidden_characters_replaced()
    {
        var key = $"a/b\\c#d?e-Hà Khẩu-{Guid.NewGuid():N}";
        var grain = GrainId.Create("relationship", key);

        await storage.Storage.WriteStateAsync("tie/v1#draft", grain, new GrainState<BorderTie>(new BorderTie { Name = "keys" }));
        var entity = await Table.GetEntityAsync<TableEntity>(
            $"{TestStorage.ServiceId}_relationship_a_b_c_d_e-Hà Khẩu-{key[^32..]}", "tie_v1_draft");

        Assert.Equal(["Data"], entity.Value.Keys.Where(name => name.StartsWith("Data", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_state_of_exactly_the_limit_is_stored_in_fifteen_full_chunks_and_reads_back()
    {
        var grain = GrainId.Create("relationship", $"at-limit-{Guid.NewGuid():N}");
        var tie = TieOfSerializedSize(StateChunks.MaxStateBytes);

        var written = new GrainState<BorderTie>(tie);
        await storage.Storage.WriteStateAsync("tie", grain, written);
        var read = new GrainState<BorderTie>();
        await storage.Storage.ReadStateAsync("tie", grain, read);
        var entity = (await Table.GetEntityAsync<TableEntity>(TableKeys.PartitionKey(TestStorage.ServiceId, grain), "tie")).Value;

        Assert.Equal(tie.Name, read.State!.Name);
        Assert.Equal(written.ETag, read.ETag);
        var chunks = Enumerable.Range(0, StateChunks.MaxChunkCount).Select(index => entity.GetBinary(StateChunks.PropertyName(index))).ToArray();
        Assert.All(chunks, chunk => Assert.Equal(StateChunks.MaxChunkBytes, chunk.Length));
        Assert.False(entity.ContainsKey(StateChunks.PropertyName(StateChunks.MaxChunkCount)));
    }

    [Fact]
    public async Task A_state_shrunk_from_fifteen_chunks_to_one_keeps_no_stale_chunk()
    {
        var grain = GrainId.Create("relationship", $"shrunk-{Guid.NewGuid():N}");
        var state = new GrainState<BorderTie>(TieOfSerializedSize(StateChunks.MaxStateBytes));
        await storage.Storage.WriteStateAsync("tie", grain, state);

        state.State = new BorderTie { Name = "Quảng Trị", Visits = 2 };
        await storage.Storage.WriteStateAsync("tie", grain, state);
        var read = new GrainState<BorderTie>();
        await storage.Storage.ReadStateAsync("tie", grain, read);
        var entity = (await Table.GetEntityAsync<TableEntity>(TableKeys.PartitionKey(TestStorage.ServiceId, grain), "tie")).Value;

        Assert.Equal(("Quảng Trị", 2), (read.State!.Name, read.State.Visits));
        Assert.Equal(["Data"], entity.Keys.Where(name => name.StartsWith("Data", StringComparison.Ordinal)));
    }

    /// <remarks>
    /// Azurite 3.37 measures an update's JSON body, where binary properties travel as base64, against the 1 MiB entity
    /// limit, so it refuses to replace a state above about 770 KB that it accepted as an insert and that Azure would
    /// accept. The storage passes such a refusal on as it is: only 404, 409 and 412 are conflicts.
    /// </remarks>
    [Fact]
    public async Task A_refusal_other_than_a_conflict_is_passed_on_and_the_stored_state_stays()
    {
        var grain = GrainId.Create("relationship", $"refused-{Guid.NewGuid():N}");
        var state = new GrainState<BorderTie>(TieOfSerializedSize(800_000));
        await storage.Storage.WriteStateAsync("tie", grain, state);
        var storedETag = state.ETag;
        var storedName = state.State!.Name;

        state.State = new BorderTie { Name = new string('y', storedName.Length) };
        var exception = await Assert.ThrowsAsync<RequestFailedException>(() => storage.Storage.WriteStateAsync("tie", grain, state));
        var read = new GrainState<BorderTie>();
        await storage.Storage.ReadStateAsync("tie", grain, read);

        Assert.Equal(400, exception.Status);
        Assert.Equal(storedETag, state.ETag);
        Assert.Equal(storedETag, read.ETag);
        Assert.Equal(storedName, read.State!.Name);
    }

    [Fact]
    public async Task A_state_one_byte_over_the_limit_is_refused_with_its_size_and_the_stored_state_stays()
    {
        var grain = GrainId.Create("relationship", $"over-limit-{Guid.NewGuid():N}");
        var state = new GrainState<BorderTie>(new BorderTie { Name = "small", Visits = 1 });
        await storage.Storage.WriteStateAsync("tie", grain, state);
        var storedETag = state.ETag;

        state.State = TieOfSerializedSize(StateChunks.MaxStateBytes + 1);
        var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => storage.Storage.WriteStateAsync("tie", grain, state));
        var read = new GrainState<BorderTie>();
        await storage.Storage.ReadStateAsync("tie", grain, read);

        Assert.Contains($"serializes to {StateChunks.MaxStateBytes + 1} bytes", exception.Message);
        Assert.Contains($"holds at most {StateChunks.MaxStateBytes} bytes", exception.Message);
        Assert.Equal(storedETag, state.ETag);
        Assert.Equal(("small", 1), (read.State!.Name, read.State.Visits));
        Assert.Equal(storedETag, read.ETag);
    }

    /// <summary>A tie whose name of ASCII letters pads its serialized form to exactly <paramref name="bytes"/> bytes.</summary>
    private BorderTie TieOfSerializedSize(int bytes)
    {
        var overhead = storage.Serializer.Serialize(new BorderTie()).ToMemory().Length;
        var tie = new BorderTie { Name = new string('x', bytes - overhead) };
        Assert.Equal(bytes, storage.Serializer.Serialize(tie).ToMemory().Length);
        return tie;
    }
}
