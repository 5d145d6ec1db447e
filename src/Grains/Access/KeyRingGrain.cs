using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The data-protection key ring of the cluster's dashboards (<see cref="IKeyRingGrain"/>), in grain state.</summary>
[GrainType("keyring")]
public sealed class KeyRingGrain(
    [PersistentState("keyring", "relations")] IPersistentState<KeyRingState> state) : Grain, IKeyRingGrain
{
    public Task<string[]> GetAll() => Task.FromResult(state.State.Elements.Values.ToArray());

    public Task Store(string friendlyName, string xml)
    {
        state.State.Elements[friendlyName] = xml;
        return state.WriteStateAsync();
    }
}

/// <summary>The key ring's XML elements, by friendly name.</summary>
[GenerateSerializer, Alias("relations.keyring-state")]
public sealed class KeyRingState
{
    [Id(0)] public Dictionary<string, string> Elements { get; set; } = new(StringComparer.Ordinal);
}
