using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Relations.Grains.Interfaces;
using Relations.Grains.Tests;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Storage.Tests;

/// <summary>
/// What the project relies on from the official Azure Table grain storage (Microsoft.Orleans.Persistence.AzureStorage),
/// on a real Azurite: state read back by a new silo, a stale write refused, state over 64 KiB, dyad keys that the
/// provider's '/'→'_' mapping would make collide, and what a completed run leaves stored (issue 17: its request and
/// its state with the results, no working state of its dyads or regions, no reminder).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageBehaviourTests(AzuriteFixture azurite)
{
    private RelationsStorage Storage => new(RelationsStorage.Azure, azurite.ConnectionString);

    [Fact]
    public async Task A_stale_write_is_refused_and_state_over_64_KiB_is_read_back_by_a_new_silo()
    {
        var id = GrainId.Create("tie", $"lào-cai--hà-khẩu-{Guid.NewGuid():N}");
        // About 200 KiB: more than one 64 KiB table property, so the provider splits it over several.
        var big = new BorderTie { Name = "Lào Cai – Hà Khẩu", Places = [.. Enumerable.Range(0, 4000).Select(i => $"thôn biên giới số {i:D5}")] };
        using (var silo = await StartSiloAsync())
        {
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName);
            var current = new GrainState<BorderTie>(big);
            await storage.WriteStateAsync("tie", id, current);
            var stale = new GrainState<BorderTie>(new BorderTie { Name = "stale" }) { ETag = current.ETag, RecordExists = true };
            current.State!.Visits = 1;
            await storage.WriteStateAsync("tie", id, current);

            await Assert.ThrowsAnyAsync<InconsistentStateException>(() => storage.WriteStateAsync("tie", id, stale));
        }
        using (var silo = await StartSiloAsync())
        {
            var read = new GrainState<BorderTie>(new BorderTie());
            await silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName).ReadStateAsync("tie", id, read);

            Assert.True(read.RecordExists);
            Assert.Equal(1, read.State!.Visits);
            Assert.Equal(big.Places, read.State.Places);
        }
    }

    [Fact]
    public async Task Actors_x_y_z_and_x_y_z_give_two_distinct_correct_dyads_read_back_by_a_new_silo()
    {
        var scenario = new ScenarioLoader().Load(WriteScenario());
        var runId = $"collide-{Guid.NewGuid():N}"[..24];
        SeriesResult replayed;
        using (var silo = await StartSiloAsync())
            replayed = await ActorReplay.RunAsync(silo.Services.GetRequiredService<IGrainFactory>(), runId, scenario, SampleStep.Year, null, null, CancellationToken.None);
        SeriesResult readBack;
        using (var silo = await StartSiloAsync())
        {
            var simulation = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ISimulationGrain>(runId);
            readBack = await ActorReplay.ResultsOf(simulation, (await simulation.GetRequest())!);
        }

        // The dyads' grain ids are stored under keys the provider's '/'→'_' mapping keeps apart (a run's dyads write them at checkpoints).
        using (var silo = await StartSiloAsync())
        {
            var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName);
            var dyads = new[] { new Dyad("x", "y_z"), new Dyad("x_y", "z") };
            foreach (var (dyad, visits) in dyads.Zip([1, 2]))
                await storage.WriteStateAsync("tie", GrainId.Create("relationship", GrainKeys.Relationship(runId, dyad)), new GrainState<BorderTie>(new BorderTie { Visits = visits }));
            var readVisits = new List<int>();
            foreach (var dyad in dyads)
            {
                var read = new GrainState<BorderTie>(new BorderTie());
                await storage.ReadStateAsync("tie", GrainId.Create("relationship", GrainKeys.Relationship(runId, dyad)), read);
                readVisits.Add(read.State!.Visits);
            }
            Assert.Equal([1, 2], readVisits);
        }
        var stored = await new TableServiceClient(azurite.ConnectionString).GetTableClient(Storage.TableName)
            .QueryAsync<TableEntity>(e => e.RowKey == "tie").Select(e => e.PartitionKey)
            .Where(key => key.StartsWith($"relations_relationship_{runId}~", StringComparison.Ordinal)).ToListAsync();
        Assert.Equal([$"relations_relationship_{runId}~x_y~z", $"relations_relationship_{runId}~x~y_z"], stored.Order(StringComparer.Ordinal));

        var reference = ReferenceEvaluator.Evaluate(scenario, SampleStep.Year);
        Assert.Equal([new Dyad("x", "y_z"), new Dyad("x_y", "z")], reference.Dyads.Select(d => d.Dyad));
        Assert.NotEqual(reference.Dyads[0].Scores[^1], reference.Dyads[1].Scores[^1]);
        foreach (var result in new[] { replayed, readBack })
        {
            Assert.Equal(reference.Dyads.Select(d => d.Dyad), result.Dyads.Select(d => d.Dyad));
            for (var d = 0; d < reference.Dyads.Count; d++)
            {
                for (var i = 0; i < reference.Dates.Count; i++)
                    Assert.True(Math.Abs(reference.Dyads[d].Scores[i] - result.Dyads[d].Scores[i]) <= 1e-9, $"{reference.Dyads[d].Dyad} on {reference.Dates[i]}");
            }
        }
    }

    [Fact]
    public async Task A_completed_run_keeps_its_request_and_its_state_with_the_results_and_nothing_else()
    {
        var file = Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml");
        var loader = new ScenarioLoader();
        var scenario = loader.Load(file);
        var runId = $"kept-{Guid.NewGuid():N}"[..24];
        // A checkpoint after every slice: every dyad writes its working state while the run goes on.
        var request = new RunRequest(scenario, SampleStep.Month, null) { CheckpointEverySlices = 1, Source = ScenarioSource.FromFiles(Path.GetFullPath(file), loader) };
        using (var silo = await StartSiloAsync())
            await ActorReplay.RunAsync(silo.Services.GetRequiredService<IGrainFactory>(), runId, request, null, CancellationToken.None);

        var tables = new TableServiceClient(azurite.ConnectionString);
        var kept = await tables.GetTableClient(Storage.TableName).QueryAsync<TableEntity>()
            .Where(e => e.PartitionKey.Contains(runId, StringComparison.Ordinal)).Select(e => $"{e.PartitionKey} {e.RowKey}").ToListAsync();
        Assert.Equal([$"relations_simulation_{runId} request", $"relations_simulation_{runId} simulation"], kept.Order(StringComparer.Ordinal));
        Assert.Empty(await tables.GetTableClient("OrleansReminders").QueryAsync<TableEntity>().Where(e => e.RowKey.Contains(runId, StringComparison.Ordinal)).ToListAsync());

        // What is kept is what the pages read: the series, and each actor's occurrences, for a new silo.
        using (var silo = await StartSiloAsync())
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            var simulation = grains.GetGrain<ISimulationGrain>(runId);
            var readBack = await ActorReplay.ResultsOf(simulation, (await simulation.GetRequest())!);
            var reference = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
            Assert.Equal(reference.Dyads.Select(d => d.Dyad), readBack.Dyads.Select(d => d.Dyad));
            for (var d = 0; d < reference.Dyads.Count; d++)
            {
                for (var i = 0; i < reference.Dates.Count; i++)
                    Assert.True(Math.Abs(reference.Dyads[d].Strengths[i] - readBack.Dyads[d].Strengths[i]) <= 1e-9, $"{reference.Dyads[d].Dyad} on {reference.Dates[i]}");
            }
            var city = await grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, "lao-cai-city")).GetSummary();
            Assert.Equal("lao-cai", city.Setup!.Parent);
            Assert.Contains("hekou", city.Setup.Partners);
            Assert.Equal(Occurrences.Place(scenario.Events).Count(o => o.Event.SideA.Concat(o.Event.SideB).Contains("lao-cai-city")), city.OccurrencesReceived);
        }
    }

    /// <summary>A silo of its own (a cluster of one) on the shared Azurite, started: the storage is initialised as in use.</summary>
    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddRelationsSilo(Storage, configure: silo => silo.Services.AddSerializer(s => s.AddAssembly(typeof(BorderTie).Assembly)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string WriteScenario()
    {
        var file = Path.Combine(Path.GetTempPath(), $"relations-collide-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            id: key-collision
            title: "Actor ids whose dyad keys collide when '/' becomes '_'"
            period: { from: 2020-01-01, to: 2022-12-31 }
            sources:
              - { id: test, title: "A constructed case" }
            actors:
              - { id: x_y, kind: province, country: VN, name: "X_Y" }
              - { id: z, kind: province, country: CN, name: "Z" }
              - { id: x, kind: province, country: VN, name: "X" }
              - { id: y_z, kind: province, country: LA, name: "Y_Z" }
            events:
              - { id: e1, date: 2020-03-01, kind: visit, between: [x_y, z], source: test, title: "one visit" }
              - { id: e2, date: 2021-05-01, kind: agreement, between: [x, y_z], source: test, title: "an MoU" }
            """);
        return file;
    }
}
