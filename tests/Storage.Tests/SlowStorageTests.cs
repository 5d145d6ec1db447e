using Azure.Core;
using Azure.Core.Pipeline;
using Request = Azure.Core.Request;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Relations.Hosting;

namespace Relations.Storage.Tests;

/// <summary>
/// Issue 17.5 on a real Azurite: when storage answers a grain's write only after the client has stopped waiting, the
/// SDK sends the write again and its own first attempt, already stored, refuses it (409 for an insert, 412 for an
/// update) — "Table storage condition not Satisfied … StoredETag: Unknown" although no one else wrote. Those writes
/// now succeed with the stored ETag, and a write that is really stale is still refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SlowStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Writes_whose_answers_come_too_late_are_sent_again_without_a_conflict_and_a_stale_write_is_still_refused()
    {
        var plain = new RelationsStorage(RelationsStorage.Azure, azurite.ConnectionString);
        var slowed = new SlowedWrites(plain.TableName);
        var id = GrainId.Create("tie", $"slow-{Guid.NewGuid():N}");
        var current = new GrainState<BorderTie>(new BorderTie { Name = "Lào Cai – Hà Khẩu" });
        GrainState<BorderTie> stale;
        using (var silo = await StartSiloAsync(plain with { NetworkTimeout = TimeSpan.FromSeconds(1), Transport = slowed }))
        {
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName);
            await storage.WriteStateAsync("tie", id, current);      // an insert whose answer comes late
            stale = new GrainState<BorderTie>(new BorderTie { Name = "stale" }) { ETag = current.ETag, RecordExists = true };
            for (var visit = 1; visit <= 2; visit++)
            {
                current.State!.Visits = visit;
                await storage.WriteStateAsync("tie", id, current);  // updates whose answers come late
            }

            Assert.Equal(3, slowed.AnsweredLate);
            await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("tie", id, stale));
        }
        using (var silo = await StartSiloAsync(plain))
        {
            var read = new GrainState<BorderTie>(new BorderTie());
            await silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName).ReadStateAsync("tie", id, read);

            Assert.Equal(("Lào Cai – Hà Khẩu", 2, current.ETag), (read.State!.Name, read.State.Visits, read.ETag));
        }
    }

    private static async Task<IHost> StartSiloAsync(RelationsStorage storage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddRelationsSilo(storage, configure: silo => silo.Services.AddSerializer(s => s.AddAssembly(typeof(BorderTie).Assembly)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Storage that stores each write to the grain-state table at once but answers its first attempt only after the
    /// client's network timeout, as an overloaded Azurite does.
    /// </summary>
    private sealed class SlowedWrites(string table) : HttpPipelineTransport
    {
        private readonly HttpClientTransport inner = new();
        private readonly HashSet<HttpMessage> slowed = [];
        private int late;

        public int AnsweredLate => Volatile.Read(ref late);

        public override Request CreateRequest() => inner.CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            await inner.ProcessAsync(message);
            bool first;
            lock (slowed)
                first = IsGrainWrite(message.Request) && slowed.Add(message);
            if (!first)
                return;
            Interlocked.Increment(ref late);
            await Task.Delay(Timeout.Infinite, message.CancellationToken);
        }

        private bool IsGrainWrite(Request request) =>
            request.Method != RequestMethod.Get && request.Method != RequestMethod.Delete
            && request.Uri.Path.Contains($"/{table}", StringComparison.Ordinal);
    }
}
