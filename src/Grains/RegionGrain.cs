using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Grains;

/// <summary>
/// One province, partner region or locality of one run: what it is, its parent, children and partners, the events that
/// reach it, and the dyads it holds (<see cref="HeldDyad"/>: those where it is the first actor). Each time slice comes
/// as one message, which it counts and applies to its dyads, answering their spills for the run to pass on; so a slice
/// costs one call per actor, however many dyads and events it has. At checkpoints each changed dyad writes its small
/// state (one storage entry a dyad, beside the grain); at the end it answers its dyads' parts and writes nothing: a
/// completed run keeps the results and the totals, and deletes the checkpoints (<see cref="Forget"/>).
/// The math is the pure model's; this class holds identity, state and messaging.
/// </summary>
// Random placement spreads a run's many actors over the cluster's silos (the default keeps them near their caller).
[Orleans.Placement.RandomPlacement]
[GrainType("region")]
// A finished run's grains serve nothing the dashboard has not cached: idle ones go after minutes, not the default 15.
[CollectionAgeLimit(Minutes = 2)]
public sealed class RegionGrain(
    [FromKeyedServices("relations")] IGrainStorage storage,
    IGrainFactory grains) : Grain, IRegionGrain
{
    // Held in the activation only: a completed run keeps its actors' totals itself, and nothing else reads them.
    private readonly RegionState state = new();
    private HeldDyad[] held = [];
    /// <summary>The held dyads' checkpoints, by place in <see cref="held"/>, once read or written (a write is conditional on the version read).</summary>
    private StateStorageBridge<RelationshipState>?[] stored = [];
    private Dictionary<int, int>? placeOf;
    /// <summary>Whether this activation has taken its place in the run: one that has not (a new activation, its run going on) must not answer for dyads.</summary>
    private bool setUp;

    public async Task Setup(RegionSetup setup, HeldDyads dyads, bool restore)
    {
        state.Setup ??= setup;
        if (!restore && setUp)
            return;
        var sampleDays = dyads.SampleDays.Select(d => d.DayNumber).ToArray();
        var decay = DecayTable.Shared(dyads.Model, sampleDays.Length == 0 ? 0 : sampleDays[^1] - sampleDays[0]);
        held = [.. dyads.Dyads.Select(d => new HeldDyad(d, dyads.Model, sampleDays, decay))];
        stored = new StateStorageBridge<RelationshipState>?[held.Length];
        placeOf = held.Length > 4 ? Enumerable.Range(0, held.Length).ToDictionary(i => held[i].Setup.Index) : null;
        if (restore)
            await Task.WhenAll(held.Select(async (dyad, i) => dyad.Restore(await Read(i))));
        setUp = true;
    }

    public Task<SliceApplied> Receive(ActorSlice slice)
    {
        EnsureSetUp();
        if (slice.Slice > state.CountedThroughSlice)
        {
            state.CountedThroughSlice = slice.Slice;
            if (slice.Occurrences > 0)
            {
                state.OccurrencesReceived += slice.Occurrences;
                var last = DateOnly.FromDayNumber(slice.LastDay);
                if (state.LastEventDay is null || state.LastEventDay < last)
                    state.LastEventDay = last;
            }
        }
        Take(slice.Spills);
        // Everything dated up to Through has arrived: fold it now, so a dyad holds a slice's impulses, not a run's.
        foreach (var dyad in held)
            dyad.SweepThrough(slice.Through, onlyHeld: true);
        var (applied, spilledDyads, spills) = (0, new List<int>(), new List<Spilled>());
        for (var i = 0; i < slice.Dyads.Length; i++)
        {
            var dyad = held[PlaceOf(slice.Dyads[i])];
            if (dyad.Apply(slice.Slice, slice.Batches[i], out var count) is { } spilled)
            {
                spilledDyads.Add(slice.Dyads[i]);
                spills.Add(spilled);
            }
            applied += count;
        }
        return Task.FromResult(new SliceApplied(applied, [.. spilledDyads], [.. spills]));
    }

    public async Task Checkpoint(int slice, int through, SpillDelivery spills)
    {
        EnsureSetUp();
        Take(spills);
        var writes = new List<Task>();
        for (var i = 0; i < held.Length; i++)
        {
            var changed = held[i].Changed;
            var written = held[i].Checkpoint(slice, through);
            if (changed)
                writes.Add(Write(i, written));
        }
        await Task.WhenAll(writes);
    }

    public Task<DyadParts[]> Complete(SpillDelivery spills)
    {
        EnsureSetUp();
        Take(spills);
        var parts = held.Select(d => d.Complete()).ToArray();
        // The run keeps the results: the dyads' working state goes now, the actor's place stays for its pages.
        (held, stored, placeOf, setUp) = ([], [], null, false);
        return Task.FromResult(parts);
    }

    public async Task Forget(string[] partners)
    {
        await Task.WhenAll(partners.Select(async partner =>
        {
            // Read first: this activation may be new, and a delete is conditional on the stored version.
            var checkpoint = Stored(partner);
            await checkpoint.ReadStateAsync();
            if (checkpoint.RecordExists)
                await checkpoint.ClearStateAsync();
        }));
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

    private void Take(SpillDelivery spills)
    {
        for (var i = 0; i < spills.Count; i++)
            held[PlaceOf(spills.Dyads[i])].Receive(spills.Slices[i], spills.Batches[i]);
    }

    private int PlaceOf(int index) => placeOf?[index] ?? Array.FindIndex(held, d => d.Setup.Index == index) switch
    {
        < 0 => throw new InvalidOperationException($"region {this.GetPrimaryKeyString()} holds no dyad {index}"),
        var place => place,
    };

    /// <summary>A new activation of a region whose run goes on lost its dyads' working state: the run must go back to its checkpoint.</summary>
    private void EnsureSetUp()
    {
        if (!setUp)
            throw new GrainNotReadyException($"region {this.GetPrimaryKeyString()} has no setup in this activation");
    }

    /// <summary>A held dyad's checkpoint: a state of its own beside the grain's, named by the other actor, so a dyad's entry stays small.</summary>
    private StateStorageBridge<RelationshipState> Stored(string partner) => new($"dyad{GrainKeys.Separator}{partner}", GrainContext, storage);

    private async Task<RelationshipState?> Read(int place)
    {
        var checkpoint = stored[place] = Stored(held[place].Setup.B);
        await checkpoint.ReadStateAsync();
        return checkpoint.RecordExists ? checkpoint.State : null;
    }

    private Task Write(int place, RelationshipState written)
    {
        // A dyad not read in this activation has nothing stored: its run is new (a resumed run reads every dyad first).
        var checkpoint = stored[place] ??= Stored(held[place].Setup.B);
        checkpoint.State = written;
        return checkpoint.WriteStateAsync();
    }
}
