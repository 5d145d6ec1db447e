using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>One province, partner region or locality of one run: what it is, its parent, children and partners, and the events that reached it.</summary>
public sealed class RegionGrain(
    [PersistentState("region", "relations")] IPersistentState<RegionState> state) : Grain, IRegionGrain
{
    public Task Setup(RegionSetup setup)
    {
        state.State = new RegionState { Setup = setup };
        return Task.CompletedTask;
    }

    /// <summary>One call per time slice in which events reached this actor; written at <see cref="Flush"/>.</summary>
    public Task Receive(int occurrences, DateOnly lastDay)
    {
        state.State.OccurrencesReceived += occurrences;
        if (state.State.LastEventDay is null || state.State.LastEventDay < lastDay)
            state.State.LastEventDay = lastDay;
        return Task.CompletedTask;
    }

    public Task Flush() => state.WriteStateAsync();

    public Task<RegionSummary> GetSummary() =>
        Task.FromResult(new RegionSummary(state.State.Setup, state.State.OccurrencesReceived, state.State.LastEventDay));
}
