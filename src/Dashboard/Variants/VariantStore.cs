using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Variants;

/// <summary>The saved what-if variants, kept by the cluster's variant catalogue grain (persistent state).</summary>
public sealed class VariantStore(IGrainFactory grains, TimeProvider clock)
{
    private IVariantCatalogGrain Catalog => grains.GetGrain<IVariantCatalogGrain>("all");

    public Task SaveAsync(VariantSpec spec) => Catalog.Save(new SavedVariant(spec, clock.GetUtcNow()));

    public Task<SavedVariant[]> ListAsync() => Catalog.List();

    public Task<SavedVariant?> GetAsync(string id) => Catalog.Get(id);

    public Task<bool> RemoveAsync(string id) => Catalog.Remove(id);
}
