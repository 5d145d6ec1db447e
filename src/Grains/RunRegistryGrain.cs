using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The runs of a cluster, so that a new process can list them (a reminder per run revives the unfinished).</summary>
[GrainType("runregistry")]
public sealed class RunRegistryGrain(
    [PersistentState("registry", "relations")] IPersistentState<RunRegistryState> state) : Grain, IRunRegistryGrain
{
    public Task Record(RunSummary summary)
    {
        state.State.Runs[summary.RunId] = summary;
        return state.WriteStateAsync();
    }

    public Task<RunSummary[]> List() =>
        Task.FromResult(state.State.Runs.Values.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToArray());
}

/// <summary>Every run the registry knows, by run id.</summary>
[GenerateSerializer, Alias("relations.run-registry-state")]
public sealed class RunRegistryState
{
    [Id(0)] public Dictionary<string, RunSummary> Runs { get; set; } = [];
}
