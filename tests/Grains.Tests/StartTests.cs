using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>
/// Start answers as soon as the run is stored (issue 17.4): it waits for nothing else — here, a run registry whose
/// writes are held back — and the run goes on and completes on its own timer; the registry lists it once it can.
/// </summary>
public sealed class StartTests : IAsyncLifetime
{
    private TestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<HeldRegistrySilo>();
        builder.AddClientBuilderConfigurator<ClusterFixture.ModelSerialization>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        HeldRegistryStorage.Release();
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Start_answers_and_the_run_completes_while_the_registry_cannot_write()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));
        var simulation = cluster.Client.GetGrain<ISimulationGrain>($"at-once-{Guid.NewGuid():N}");
        var registry = cluster.Client.GetGrain<IRunRegistryGrain>("all");
        HeldRegistryStorage.Hold();

        // Before, Start waited for the registry to take the run's entry, and so here until Orleans' response timeout.
        var started = await simulation.Start(new RunRequest(scenario, SampleStep.Month, null)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(RunState.Running, started.State);
        var status = await simulation.WaitForCompletion(TimeSpan.FromMinutes(2));
        Assert.Equal(RunState.Completed, status.State);
        Assert.True(HeldRegistryStorage.WritesHeld > 0, "the registry was asked to list the run, and held");

        // Released, the registry takes the run's entry as the run left it: completed.
        HeldRegistryStorage.Release();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while ((await registry.Latest(0, 100)).Runs.SingleOrDefault(r => r.RunId == status.RunId) is not { State: RunState.Completed } && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(RunState.Completed, (await registry.Latest(0, 100)).Runs.Single(r => r.RunId == status.RunId).State);
    }

    private sealed class HeldRegistrySilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddRelationsGrains();
            // The project's storage, with the run registry's writes (registry and pages) held until released.
            var services = siloBuilder.Services;
            var original = services.Last(d => d.ServiceType == typeof(Orleans.Storage.IGrainStorage) && Equals(d.ServiceKey, SiloSetup.StorageName));
            services.Remove(original);
            services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(SiloSetup.StorageName, (provider, key) =>
                new HeldRegistryStorage((Orleans.Storage.IGrainStorage)original.KeyedImplementationFactory!(provider, key)));
        }
    }

    /// <summary>Grain storage whose writes of the run registry's grains wait while held.</summary>
    private sealed class HeldRegistryStorage(Orleans.Storage.IGrainStorage inner) : Orleans.Storage.IGrainStorage
    {
        private static TaskCompletionSource gate = Open();
        private static int held;

        public static int WritesHeld => Volatile.Read(ref held);

        public static void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public static void Release() => gate.TrySetResult();

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        private static bool IsRegistry(GrainId id) => id.Type.ToString() is "runregistry" or "runpage";

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (IsRegistry(grainId) && !gate.Task.IsCompleted)
            {
                Interlocked.Increment(ref held);
                await gate.Task;
            }
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
