namespace Relations.Storage.Tests;

/// <summary>A grain that keeps a <see cref="BorderTie"/> in the "relations" storage, for the test-cluster test.</summary>
[Alias("Relations.Storage.Tests.ITieGrain")]
public interface ITieGrain : IGrainWithStringKey
{
    [Alias("Visit")]
    Task Visit(string place);

    [Alias("Get")]
    Task<BorderTie> Get();

    [Alias("Clear")]
    Task Clear();

    [Alias("Deactivate")]
    Task Deactivate();
}

public sealed class TieGrain([PersistentState("tie", "relations")] IPersistentState<BorderTie> tie) : Grain, ITieGrain
{
    public Task Visit(string place)
    {
        tie.State.Visits++;
        tie.State.Places.Add(place);
        return tie.WriteStateAsync();
    }

    public Task<BorderTie> Get() => Task.FromResult(tie.State);

    public Task Clear() => tie.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
