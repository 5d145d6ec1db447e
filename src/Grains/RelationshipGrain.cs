using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// One dyad of a run kept before dyads were held by their actors' grains (<see cref="RegionGrain"/>): such a run's
/// series are in what its dyads wrote when it completed, which this grain reads back; and it deletes that state.
/// </summary>
[Orleans.Placement.RandomPlacement]
[GrainType("relationship")]
[CollectionAgeLimit(Minutes = 2)]
public sealed class RelationshipGrain([FromKeyedServices("relations")] IGrainStorage storage) : Grain, IRelationshipGrain
{
    private StateStorageBridge<RelationshipState>? stored;

    private StateStorageBridge<RelationshipState> Stored => stored ??= new("relationship", GrainContext, storage);

    public async Task<DyadSeriesData> Complete()
    {
        await Stored.ReadStateAsync();
        DeactivateOnIdle();
        return Stored.State?.Series
            ?? throw new InvalidOperationException($"relationship {this.GetPrimaryKeyString()} holds no series");
    }

    public async Task Forget()
    {
        // Read first: this activation may be new, and a delete is conditional on the stored version.
        await Stored.ReadStateAsync();
        if (Stored.RecordExists)
            await Stored.ClearStateAsync();
        DeactivateOnIdle();
    }
}
