namespace Relations.Grains.Interfaces;

/// <summary>
/// The what-if variants trainers saved from the dashboard (one catalogue, key "all"). Its state is written to the
/// "relations" storage, so the variants outlive the process wherever that storage is durable.
/// </summary>
[Alias("relations.IVariantCatalogGrain")]
public interface IVariantCatalogGrain : IGrainWithStringKey
{
    /// <summary>Saves a variant, replacing one saved before under the same id.</summary>
    [Alias("Save")]
    Task Save(SavedVariant variant);

    /// <summary>Every saved variant, the latest saved first.</summary>
    [Alias("List")]
    Task<SavedVariant[]> List();

    [Alias("Get")]
    Task<SavedVariant?> Get(string id);

    /// <summary>Deletes a saved variant; false when there was none with that id.</summary>
    [Alias("Remove")]
    Task<bool> Remove(string id);
}

/// <summary>A variant as a trainer saved it, and when.</summary>
[GenerateSerializer, Immutable, Alias("relations.saved-variant")]
public sealed record SavedVariant(
    [property: Id(0)] VariantSpec Spec,
    [property: Id(1)] DateTimeOffset SavedAt);

/// <summary>
/// A what-if over a scenario file (scenario-format.md, "Variants"): the base, given as a path relative to the scenarios
/// folder, and the changes — events and interruptions removed, moved to new dates, model parameters overridden.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.variant-spec")]
public sealed record VariantSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] string BaseId,
    [property: Id(4)] string BasePath,
    [property: Id(5)] string[] Remove,
    [property: Id(6)] VariantMove[] Moves,
    [property: Id(7)] ModelSetting[] Model);

/// <summary>New dates for an event (one day, or a range when <see cref="IsRange"/>) or for an interruption (from, to).</summary>
[GenerateSerializer, Immutable, Alias("relations.variant-move")]
public sealed record VariantMove(
    [property: Id(0)] string Id,
    [property: Id(1)] bool IsEvent,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To,
    [property: Id(4)] bool IsRange);

/// <summary>One model parameter (a key of model.md, or "weights.KIND") set to a value.</summary>
[GenerateSerializer, Immutable, Alias("relations.model-setting")]
public sealed record ModelSetting(
    [property: Id(0)] string Key,
    [property: Id(1)] double Value);
