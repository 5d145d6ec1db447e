using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>One province, partner region or locality of one run: what it is, its parent, children and partners, and the events that reached it.</summary>
[Orleans.Placement.RandomPlacement]
[GrainType("region")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class RegionGrain(
    [PersistentState("region", "relations")] IPersistentState<RegionState> state) : Grain, IRegionGrain
{
    public Task Setup(RegionSetup setup)
    {
        if (state.State.Setup is null)
            state.State = new RegionState { Setup = setup };
        return Task.CompletedTask;
    }

    public Task Receive(int slice, int occurrences, DateOnly lastDay)
    {
        if (slice <= state.State.CountedThroughSlice)
            return Task.CompletedTask;
        state.State.CountedThroughSlice = slice;
        state.State.OccurrencesReceived += occurrences;
        if (state.State.LastEventDay is null || state.State.LastEventDay < lastDay)
            state.State.LastEventDay = lastDay;
        return Task.CompletedTask;
    }

    public Task Settle(int occurrences, DateOnly? lastDay)
    {
        state.State.OccurrencesReceived = occurrences;
        state.State.LastEventDay = lastDay;
        return state.WriteStateAsync();
    }

    public Task<RegionSummary> GetSummary() =>
        Task.FromResult(new RegionSummary(state.State.Setup, state.State.OccurrencesReceived, state.State.LastEventDay));
}
