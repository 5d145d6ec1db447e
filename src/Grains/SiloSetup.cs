using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>What every silo of the project needs, whatever hosts it (CLI, dashboard, test cluster).</summary>
public static class SiloSetup
{
    /// <summary>The "relations" grain storage (in memory) and the serialization of the pure model's records.</summary>
    public static ISiloBuilder AddRelationsGrains(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage("relations");
        silo.Services.AddRelationsModelSerialization();
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }
}
