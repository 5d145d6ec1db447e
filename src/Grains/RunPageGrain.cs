using Orleans.Concurrency;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// One page of the run registry: up to <see cref="IRunPageGrain.Size"/> runs in the order they were listed. Reentrant,
/// so that runs listing themselves at once share writes (<see cref="CoalescedWrites"/>) rather than queue for one each.
/// </summary>
[GrainType("runpage")]
[Reentrant]
public sealed class RunPageGrain : Grain, IRunPageGrain
{
    private readonly IPersistentState<RunPageState> state;
    private readonly CoalescedWrites writes;

    public RunPageGrain([PersistentState("page", "relations")] IPersistentState<RunPageState> state)
    {
        this.state = state;
        writes = new CoalescedWrites(state.WriteStateAsync);
    }

    public async Task<bool> TryRecord(RunSummary summary)
    {
        var runs = state.State.Runs;
        var at = runs.FindIndex(r => r.RunId == summary.RunId);
        if (at < 0 && runs.Count >= IRunPageGrain.Size)
            return false;
        if (at < 0)
            runs.Add(summary);
        else
            runs[at] = summary;
        await writes.WriteAsync();
        return true;
    }

    public Task<RunSummary[]> Runs() => Task.FromResult(state.State.Runs.ToArray());
}

/// <summary>The runs of one registry page, in the order they were listed.</summary>
[GenerateSerializer, Alias("relations.run-page-state")]
public sealed class RunPageState
{
    [Id(0)] public List<RunSummary> Runs { get; set; } = [];
}
