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

    /// <summary>
    /// Saves a variant only if that is what the saver expects: a new id when <paramref name="ifMatch"/> is null, otherwise
    /// the version it names (its <see cref="SavedVariant.ETag"/>). Checked and written in one grain turn, so two savers
    /// of one id cannot both replace the same version.
    /// </summary>
    [Alias("SaveChecked")]
    Task<SaveOutcome> SaveChecked(SavedVariant variant, string? ifMatch);

    /// <summary>Deletes a saved variant; false when there was none with that id.</summary>
    [Alias("Remove")]
    Task<bool> Remove(string id);
}

/// <summary>
/// A variant as a trainer saved it, and when; <see cref="Yaml"/> is the variant file's text (the spec describes what
/// the editor can show of it) and <see cref="SavedBy"/> the name the saver gave, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.saved-variant")]
public sealed record SavedVariant(
    [property: Id(0)] VariantSpec Spec,
    [property: Id(1)] DateTimeOffset SavedAt)
{
    [Id(2)] public string? Yaml { get; init; }

    [Id(3)] public string? SavedBy { get; init; }

    /// <summary>The identity that saved it (null for variants saved before sign-in, or by the loopback user).</summary>
    [Id(4)] public string? Owner { get; init; }

    /// <summary>The class session it was saved in, if any: its trainer may read, replace and delete it.</summary>
    [Id(5)] public string? Session { get; init; }

    /// <summary>The version's entity tag: a hash of its text and save time, quoted as HTTP writes it.</summary>
    public string ETag
    {
        get
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"{Spec.Id}\n{SavedAt.UtcTicks}\n{Yaml}");
            return "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..20] + "\"";
        }
    }
}

/// <summary>What <see cref="IVariantCatalogGrain.SaveChecked"/> did.</summary>
[GenerateSerializer]
public enum SaveOutcome
{
    /// <summary>The id was new; saved.</summary>
    Created,
    /// <summary>The expected version was the saved one; replaced.</summary>
    Replaced,
    /// <summary>The id is taken and no version was named; nothing written.</summary>
    Exists,
    /// <summary>The named version is not the saved one (another save came between, or it was deleted); nothing written.</summary>
    Stale,
}

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
    [property: Id(7)] ModelSetting[] Model)
{
    /// <summary>Events the variant adds (changes.add.events); null in variants saved before the editor could add.</summary>
    [Id(8)] public AddedEvent[]? Add { get; init; }

    /// <summary>The added events, never null.</summary>
    public AddedEvent[] Added => Add ?? [];

    /// <summary>Interruptions the variant adds (changes.add.interruptions); null in variants saved before.</summary>
    [Id(9)] public AddedInterruption[]? AddInterruptions { get; init; }

    /// <summary>The added interruptions, never null.</summary>
    public AddedInterruption[] AddedInterruptions => AddInterruptions ?? [];
}

/// <summary>
/// An interruption the what-if editor adds (scenario-format.md, "interruptions"): its days, its scope (all, or the
/// countries or actors listed) and the optional fields of format 1.1; null where the format's default applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.added-interruption")]
public sealed record AddedInterruption(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string[]? Countries,
    [property: Id(4)] string[]? Actors,
    [property: Id(5)] double? Cancels,
    [property: Id(6)] double? DecayMultiplier,
    [property: Id(7)] string? Certainty,
    [property: Id(8)] string? Source,
    [property: Id(9)] string? Title,
    [property: Id(10)] string? Note);

/// <summary>
/// An event the what-if editor adds (scenario-format.md, "events"): one dyad, a day (or a range with a count),
/// and the optional fields of the format; null or empty where the format's default applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.added-event")]
public sealed record AddedEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string ActorA,
    [property: Id(3)] string ActorB,
    [property: Id(4)] DateOnly From,
    [property: Id(5)] DateOnly? To,
    [property: Id(6)] int? Count,
    [property: Id(7)] bool Online,
    [property: Id(8)] double? Weight,
    [property: Id(9)] DateOnly? TermUntil,
    [property: Id(10)] int? TermYears,
    [property: Id(11)] string? Certainty,
    [property: Id(12)] string? Source,
    [property: Id(13)] string? Title,
    [property: Id(14)] string? Note);

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
