using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>One part of a completed job's outcome (<see cref="IJobResultGrain"/>), written once by its job.</summary>
[GrainType("job-result")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class JobResultGrain(
    [PersistentState("result", "relations")] IPersistentState<JobResultState> state) : Grain, IJobResultGrain
{
    public Task Put(byte[] values)
    {
        state.State.Values = values;
        return state.WriteStateAsync();
    }

    public Task<byte[]> Get() => Task.FromResult(state.State.Values);
}

/// <summary>A job's request (<see cref="IJobRequestGrain"/>), written once; its scenario loaded on the first read and kept while active.</summary>
[GrainType("job-request")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class JobRequestGrain(
    [PersistentState("job-request", "relations")] IPersistentState<JobRequestState> state) : Grain, IJobRequestGrain
{
    private JobRequest? request;

    public Task Put(JobRequest put)
    {
        request = put;
        state.State = JobRequestState.Of(put);
        return state.WriteStateAsync();
    }

    public Task<JobRequest?> Get() => Task.FromResult(request ??= state.State.ToRequest());
}
