using Orleans.Storage;

namespace Relations.Storage.Tests;

/// <summary>
/// The behaviour every Orleans grain storage owes its grains (after Orleans' storage TestKit), driven directly against a real
/// Azurite, with state cleared by emptying the entity and by deleting it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrainStorageConformanceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string StateName = "tie";
    private const string TableName = "ConformanceState";

    private TestStorage emptying = null!;
    private TestStorage deleting = null!;

    public async Task InitializeAsync()
    {
        emptying = await TestStorage.StartAsync(azurite.ConnectionString, TableName, deleteStateOnClear: false);
        deleting = await TestStorage.StartAsync(azurite.ConnectionString, TableName, deleteStateOnClear: true);
    }

    public Task DisposeAsync()
    {
        emptying.Dispose();
        deleting.Dispose();
        return Task.CompletedTask;
    }

    private IGrainStorage Storage(bool deleteStateOnClear) => (deleteStateOnClear ? deleting : emptying).Storage;

    private static GrainId NewGrain() => GrainId.Create("relationship", $"lao-cai--hekou-{Guid.NewGuid():N}");

    private static BorderTie Tie(string name, int visits) => new() { Name = name, Visits = visits, Places = ["Lào Cai", "Hà Khẩu"] };

    private async Task<GrainState<BorderTie>> ReadAsync(IGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<BorderTie>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state;
    }

    private static void AssertFresh(GrainState<BorderTie> state)
    {
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        Assert.Equal("", state.State.Name);
        Assert.Equal(0, state.State.Visits);
        Assert.Empty(state.State.Places);
    }

    private static void AssertTie(BorderTie? expected, BorderTie? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Visits, actual.Visits);
        Assert.Equal(expected.Places, actual.Places);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reading_absent_state_gives_a_fresh_state_without_record_or_etag(bool deleteStateOnClear)
    {
        var read = await ReadAsync(Storage(deleteStateOnClear), NewGrain());

        AssertFresh(read);
        Assert.Null(read.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_written_state_reads_back_equal_with_the_same_etag(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var written = new GrainState<BorderTie>(new BorderTie
        {
            Name = "Lào Cai ↔ Hà Khẩu, Quảng Trị",
            Visits = 9,
            Places = ["Thành phố Lào Cai", "Huyện Hà Khẩu", "Tỉnh Quảng Trị", "Savannakhet"],
        });

        await storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(storage, grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertTie(written.State, read.State);
    }

    [Fact]
    public async Task Every_write_changes_the_etag()
    {
        var storage = Storage(deleteStateOnClear: false);
        var grain = NewGrain();
        var state = new GrainState<BorderTie>(Tie("visits", 0));
        var etags = new List<string?>();

        for (var visits = 1; visits <= 5; visits++)
        {
            state.State!.Visits = visits;
            await storage.WriteStateAsync(StateName, grain, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(5, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await ReadAsync(storage, grain)).ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_with_a_stale_etag_fails_and_leaves_the_stored_state(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        await storage.WriteStateAsync(StateName, grain, new GrainState<BorderTie>(Tie("first", 1)));
        var first = await ReadAsync(storage, grain);
        var second = await ReadAsync(storage, grain);
        first.State = Tie("first writer wins", 2);
        await storage.WriteStateAsync(StateName, grain, first);

        second.State = Tie("second writer is stale", 3);
        var staleETag = second.ETag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, second));

        var stored = await ReadAsync(storage, grain);
        AssertTie(first.State, stored.State);
        Assert.Equal(first.ETag, stored.ETag);
        Assert.Equal(staleETag, second.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_without_an_etag_over_a_stored_state_fails_and_leaves_it(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var first = new GrainState<BorderTie>(Tie("stored", 1));
        await storage.WriteStateAsync(StateName, grain, first);

        var blind = new GrainState<BorderTie>(Tie("written blind", 2));
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, blind));

        Assert.Contains("HTTP 409", exception.Message);
        var stored = await ReadAsync(storage, grain);
        AssertTie(first.State, stored.State);
        Assert.Equal(first.ETag, stored.ETag);
        Assert.Null(blind.ETag);
    }

    [Fact]
    public async Task A_write_with_the_etag_of_a_deleted_state_fails_and_stores_nothing()
    {
        var storage = Storage(deleteStateOnClear: true);
        var grain = NewGrain();
        await storage.WriteStateAsync(StateName, grain, new GrainState<BorderTie>(Tie("deleted", 1)));
        var deleter = await ReadAsync(storage, grain);
        var late = await ReadAsync(storage, grain);
        await storage.ClearStateAsync(StateName, grain, deleter);

        late.State = Tie("written after the delete", 2);
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, late));

        Assert.Contains("HTTP 404", exception.Message);
        var stored = await ReadAsync(storage, grain);
        AssertFresh(stored);
        Assert.Null(stored.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_clear_with_a_stale_etag_fails_and_leaves_the_stored_state(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        await storage.WriteStateAsync(StateName, grain, new GrainState<BorderTie>(Tie("first", 1)));
        var writer = await ReadAsync(storage, grain);
        var clearer = await ReadAsync(storage, grain);
        writer.State = Tie("newer", 2);
        await storage.WriteStateAsync(StateName, grain, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, clearer));

        var stored = await ReadAsync(storage, grain);
        AssertTie(writer.State, stored.State);
        Assert.Equal(writer.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_delete_with_the_etag_of_an_already_deleted_state_fails()
    {
        var storage = Storage(deleteStateOnClear: true);
        var grain = NewGrain();
        await storage.WriteStateAsync(StateName, grain, new GrainState<BorderTie>(Tie("deleted twice", 1)));
        var first = await ReadAsync(storage, grain);
        var second = await ReadAsync(storage, grain);
        await storage.ClearStateAsync(StateName, grain, first);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, second));

        Assert.Contains("HTTP 404", exception.Message);
        AssertFresh(await ReadAsync(storage, grain));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cleared_state_reads_back_fresh(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var state = new GrainState<BorderTie>(Tie("to be cleared", 4));
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        var read = await ReadAsync(storage, grain);

        AssertFresh(state);
        AssertFresh(read);
        // Emptying keeps the entity, so its new ETag guards the next write; deleting leaves nothing to guard.
        Assert.Equal(deleteStateOnClear, state.ETag is null);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Clearing_before_any_write_succeeds_and_reads_back_fresh(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var state = await ReadAsync(storage, grain);

        await storage.ClearStateAsync(StateName, grain, state);
        var read = await ReadAsync(storage, grain);

        AssertFresh(state);
        AssertFresh(read);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Repeated_clears_succeed(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var state = new GrainState<BorderTie>(Tie("cleared thrice", 3));
        await storage.WriteStateAsync(StateName, grain, state);

        for (var i = 0; i < 3; i++)
            await storage.ClearStateAsync(StateName, grain, state);
        var read = await ReadAsync(storage, grain);

        AssertFresh(read);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_clear_write_reads_back_the_last_write(bool deleteStateOnClear)
    {
        var storage = Storage(deleteStateOnClear);
        var grain = NewGrain();
        var state = new GrainState<BorderTie>(Tie("before the clear", 1));
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.ClearStateAsync(StateName, grain, state);

        state.State = Tie("after the clear", 2);
        await storage.WriteStateAsync(StateName, grain, state);
        var read = await ReadAsync(storage, grain);

        Assert.True(read.RecordExists);
        AssertTie(state.State, read.State);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_hundred_grains_written_in_parallel_ten_times_each_keep_their_last_write()
    {
        var storage = Storage(deleteStateOnClear: false);
        var grains = Enumerable.Range(0, 100).Select(_ => NewGrain()).ToArray();

        // Each grain writes its ten versions in turn, as an activation does; the grains run side by side.
        var lastETags = await Task.WhenAll(grains.Select(async (grain, index) =>
        {
            var state = new GrainState<BorderTie>(Tie($"grain {index}", 0));
            for (var visits = 1; visits <= 10; visits++)
            {
                state.State!.Visits = visits;
                await storage.WriteStateAsync(StateName, grain, state);
            }
            return state.ETag;
        }));
        var reads = await Task.WhenAll(grains.Select(grain => ReadAsync(storage, grain)));

        for (var index = 0; index < grains.Length; index++)
        {
            Assert.Equal($"grain {index}", reads[index].State!.Name);
            Assert.Equal(10, reads[index].State!.Visits);
            Assert.Equal(lastETags[index], reads[index].ETag);
        }
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_are_stored_apart()
    {
        var storage = Storage(deleteStateOnClear: false);
        var grain = NewGrain();

        await storage.WriteStateAsync("tie", grain, new GrainState<BorderTie>(Tie("tie", 1)));
        await storage.WriteStateAsync("history", grain, new GrainState<BorderTie>(Tie("history", 2)));
        var tie = new GrainState<BorderTie>();
        var history = new GrainState<BorderTie>();
        await storage.ReadStateAsync("tie", grain, tie);
        await storage.ReadStateAsync("history", grain, history);

        Assert.Equal(("tie", 1), (tie.State!.Name, tie.State.Visits));
        Assert.Equal(("history", 2), (history.State!.Name, history.State.Visits));
        Assert.NotEqual(tie.ETag, history.ETag);
    }
}
