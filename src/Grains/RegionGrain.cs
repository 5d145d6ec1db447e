using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// One province, partner region or locality of one run: what it is, its parent, children and partners, and the events
/// that reached it. It counts them while the run goes on and writes nothing: a completed run keeps the totals.
/// </summary>
[Orleans.Placement.RandomPlacement]
[GrainType("region")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class RegionGrain(IGrainFactory grains) : Grain, IRegionGrain
{
    // Held in the activation only: a completed run keeps its actors' totals itself, and nothing else reads them.
    private readonly RegionState state = new();

    public Task Setup(RegionSetup setup)
    {
        state.Setup ??= setup;
        return Task.CompletedTask;
    }

    public Task Receive(int slice, int occurrences, DateOnly lastDay)
    {
        if (slice <= state.CountedThroughSlice)
            return Task.CompletedTask;
        state.CountedThroughSlice = slice;
        state.OccurrencesReceived += occurrences;
        if (state.LastEventDay is null || state.LastEventDay < lastDay)
            state.LastEventDay = lastDay;
        return Task.CompletedTask;
    }

    public async Task<RegionSummary> GetSummary()
    {
        // A completed run answers for its actors from the results it keeps; a region of a run still going answers with
        // what it has counted (a run kept before runs kept their results has neither: its pages count from the scenario).
        var (runId, actorId) = GrainKeys.OfRegion(this.GetPrimaryKeyString());
        if (await grains.GetGrain<ISimulationGrain>(runId).GetRegion(actorId) is { Setup: not null } kept)
            return kept;
        return new RegionSummary(state.Setup, state.OccurrencesReceived, state.LastEventDay);
    }
}
