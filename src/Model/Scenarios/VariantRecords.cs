namespace Relations.Model.Scenarios;

/// <summary>A what-if file: a base scenario (or variant) and the changes to try (scenario-format.md, "Variants").</summary>
public sealed record VariantDocument(
    string Path,
    string Id,
    string? Title,
    string? Description,
    IncludeReference Base,
    VariantChanges Changes,
    Origin Origin);

/// <summary>The changes of a variant, applied in the order remove, move, add, model.</summary>
public sealed record VariantChanges(
    ValueList<IdReference> Remove,
    ValueList<Move> Move,
    ValueList<ScenarioEvent> AddEvents,
    ValueList<Interruption> AddInterruptions,
    ModelOverrides? Model);

/// <summary>An id named by a change, with where it was written.</summary>
public sealed record IdReference(string Id, Origin Origin);

/// <summary>New dates for an interruption (<see cref="From"/>, <see cref="To"/>) or an event (<see cref="Date"/>).</summary>
public sealed record Move(string Id, DateOnly? From, DateOnly? To, EventDate? Date, Origin Origin);
