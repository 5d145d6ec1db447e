using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Relations.Grains.Interfaces;
using Relations.Storage;

namespace Relations.Grains;

/// <summary>What every silo of the project needs, whatever hosts it (CLI, dashboard, test cluster).</summary>
public static class SiloSetup
{
    /// <summary>The "relations" grain storage (in memory) and the serialization of the pure model's records.</summary>
    public static ISiloBuilder AddRelationsGrains(this ISiloBuilder silo) => silo.AddRelationsGrains(RelationsStorage.InMemory);

    /// <summary>The "relations" grain storage as chosen (memory, or Azure tables) and the serialization of the pure model's records.</summary>
    public static ISiloBuilder AddRelationsGrains(this ISiloBuilder silo, RelationsStorage storage)
    {
        if (storage.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(storage));
        if (storage.IsDurable)
        {
            silo.AddAzureTableGrainStorage("relations", options =>
            {
                options.ConnectionString = storage.ConnectionString;
                options.TableName = storage.TableName;
            });
            // Runs left unfinished by a stopped or crashed cluster go on from their checkpoints when it comes back.
            silo.AddStartupTask(async (services, cancellation) =>
            {
                var grains = services.GetRequiredService<IGrainFactory>();
                foreach (var run in await grains.GetGrain<IRunRegistryGrain>("all").List())
                {
                    if (run.State == RunState.Running)
                        await grains.GetGrain<ISimulationGrain>(run.RunId).Resume();
                }
            });
        }
        else
        {
            silo.AddMemoryGrainStorage("relations");
        }
        silo.Services.AddRelationsModelSerialization();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }
}
