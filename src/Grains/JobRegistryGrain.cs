using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The jobs of a cluster (<see cref="IJobRegistryGrain"/>): each recorded when it starts and when it ends.</summary>
[GrainType("jobregistry")]
public sealed class JobRegistryGrain(
    [PersistentState("registry", "relations")] IPersistentState<JobRegistryState> state) : Grain, IJobRegistryGrain
{
    public Task Record(JobSummary summary)
    {
        state.State.Jobs[summary.JobId] = summary;
        return state.WriteStateAsync();
    }

    public Task<JobSummary[]> List() =>
        Task.FromResult(state.State.Jobs.Values.OrderBy(j => j.StartedAt).ThenBy(j => j.JobId, StringComparer.Ordinal).ToArray());

    public Task<JobSummary?> LatestOfRun(string runId) =>
        Task.FromResult(state.State.Jobs.Values.Where(j => j.FromRun == runId).MaxBy(j => j.StartedAt));
}
