using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The saved what-if variants of a cluster; each change is written before it is acknowledged.</summary>
[GrainType("variantcatalog")]
public sealed class VariantCatalogGrain(
    [PersistentState("variants", "relations")] IPersistentState<VariantCatalogState> state) : Grain, IVariantCatalogGrain
{
    public Task Save(SavedVariant variant)
    {
        state.State.Variants[variant.Spec.Id] = variant;
        return state.WriteStateAsync();
    }

    public async Task<SaveOutcome> SaveChecked(SavedVariant variant, string? ifMatch)
    {
        var known = state.State.Variants.TryGetValue(variant.Spec.Id, out var saved);
        var outcome = (known, ifMatch) switch
        {
            (false, null) => SaveOutcome.Created,
            (true, null) => SaveOutcome.Exists,
            (true, _) when ifMatch == "*" || ifMatch == saved!.ETag => SaveOutcome.Replaced,
            _ => SaveOutcome.Stale,
        };
        if (outcome is SaveOutcome.Created or SaveOutcome.Replaced)
        {
            state.State.Variants[variant.Spec.Id] = variant;
            await state.WriteStateAsync();
        }
        return outcome;
    }

    public Task<SavedVariant[]> List() =>
        Task.FromResult(state.State.Variants.Values
            .OrderByDescending(v => v.SavedAt).ThenBy(v => v.Spec.Id, StringComparer.Ordinal).ToArray());

    public Task<SavedVariant?> Get(string id) =>
        Task.FromResult(state.State.Variants.TryGetValue(id, out var variant) ? variant : null);

    public async Task<bool> Remove(string id)
    {
        if (!state.State.Variants.Remove(id))
            return false;
        await state.WriteStateAsync();
        return true;
    }
}

/// <summary>The saved variants, by variant id.</summary>
[GenerateSerializer, Alias("relations.variant-catalog-state")]
public sealed class VariantCatalogState
{
    [Id(0)] public Dictionary<string, SavedVariant> Variants { get; set; } = [];
}
