using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Variants;

/// <summary>The saved what-if variants, kept by the cluster's variant catalogue grain (persistent state).</summary>
public sealed class VariantStore(IGrainFactory grains, TimeProvider clock)
{
    private IVariantCatalogGrain Catalog => grains.GetGrain<IVariantCatalogGrain>("all");

    /// <summary>Saves a variant the editor made: new (no <paramref name="ifMatch"/>) or replacing the version named.</summary>
    public Task<SaveOutcome> SaveAsync(VariantSpec spec, string? ifMatch, string? savedBy) =>
        SaveAsync(spec, VariantYaml.Write(spec), ifMatch, savedBy);

    /// <summary>Saves a variant with its file text (the API's PUT keeps the body as sent).</summary>
    public Task<SaveOutcome> SaveAsync(VariantSpec spec, string yaml, string? ifMatch, string? savedBy) =>
        Catalog.SaveChecked(new SavedVariant(spec, clock.GetUtcNow()) { Yaml = yaml, SavedBy = Blank(savedBy) }, Blank(ifMatch));

    public Task<SavedVariant[]> ListAsync() => Catalog.List();

    public Task<SavedVariant?> GetAsync(string id) => Catalog.Get(id);

    public Task<bool> RemoveAsync(string id) => Catalog.Remove(id);

    /// <summary>The variant file of a saved variant: the text saved, or (saved before texts were kept) its spec written out.</summary>
    public static string YamlOf(SavedVariant saved) => saved.Yaml ?? VariantYaml.Write(saved.Spec);

    /// <summary>Whether the editor can reopen it: its text is what the editor writes for its spec (not a hand-written PUT).</summary>
    public static bool Editable(SavedVariant saved) => saved.Yaml is null || saved.Yaml == VariantYaml.Write(saved.Spec);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
