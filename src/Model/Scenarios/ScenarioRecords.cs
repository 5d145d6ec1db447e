using System.Text.Json.Serialization;

namespace Relations.Model.Scenarios;

/// <summary>An inclusive range of days.</summary>
public sealed record Period(DateOnly From, DateOnly To);

/// <summary>An article or document that facts cite.</summary>
public sealed record Source(string Id, string Title, string? Publisher, DateOnly? Published, string? Url, Origin Origin);

/// <summary>
/// A modelling rule stated once for every entry that follows it (format 1.2, <c>conventions:</c>): how the writer
/// turns a kind of statement no article quantifies — a relationship called long-standing, a "regular" exchange —
/// into entries. Entries name it under <c>convention:</c>, so its reasons are written once, not in every note.
/// </summary>
public sealed record Convention(string Id, string Title, string Text, Origin Origin);

/// <summary>
/// How sure a scenario writer is of a fact (scenario-format.md), in the order of model.md rule 8: a replay with
/// lowest certainty L keeps what is at L or before it (reported before inferred before assumed).
/// </summary>
public enum Certainty : byte { Reported, Inferred, Assumed }

/// <summary>A province, partner region, locality or organisation taking part in relationships.</summary>
public sealed record Actor(
    string Id,
    string Kind,
    string? Country,
    string? Name,
    ValueList<KeyValuePair<string, string>> Names,
    string? Parent,
    ValueList<string> Sources,
    Certainty? Certainty,
    string? Note,
    Origin Origin)
{
    /// <summary>The first source cited, or null (format 1.1 allows a list).</summary>
    [JsonIgnore]
    public string? Source => Sources.Count > 0 ? Sources[0] : null;

    /// <summary>The conventions the actor follows (format 1.2), by id; empty when none.</summary>
    public ValueList<string> Conventions { get; init; } = ValueList<string>.Empty;

    /// <summary>The display name: <c>name</c>, else the Vietnamese or English name, else the id.</summary>
    public string DisplayName => Name ?? NameIn("vi") ?? NameIn("en") ?? Id;

    public string? NameIn(string language) =>
        Names.FirstOrDefault(n => n.Key == language) is { Key: not null } found ? found.Value : null;
}

/// <summary>Which dyads an interruption applies to (model.md rule 3).</summary>
public sealed record InterruptionScope(bool All, ValueList<string> Countries, ValueList<string> Actors)
{
    public static InterruptionScope Everything { get; } = new(true, ValueList<string>.Empty, ValueList<string>.Empty);
}

/// <summary>
/// A span of days in which in-person events are cancelled (wholly, or the share <see cref="Cancels"/>) and ties decay
/// faster (model.md rule 3 and E).
/// </summary>
public sealed record Interruption(
    string Id,
    DateOnly From,
    DateOnly To,
    InterruptionScope Scope,
    ValueList<string> Sources,
    string? Title,
    Certainty? Certainty,
    string? Note,
    Origin Origin)
{
    /// <summary>The share of in-person activity stopped, 0..1 (format 1.1; 1, a full cancellation, when absent).</summary>
    public double Cancels { get; init; } = 1.0;

    /// <summary>How much faster ties fade inside it (format 1.1); null: the model's interruptionDecayMultiplier.</summary>
    public double? DecayMultiplier { get; init; }

    /// <summary>The conventions the interruption follows (format 1.2), by id; empty when none.</summary>
    public ValueList<string> Conventions { get; init; } = ValueList<string>.Empty;

    /// <summary>The first source cited, or null (format 1.1 allows a list).</summary>
    [JsonIgnore]
    public string? Source => Sources.Count > 0 ? Sources[0] : null;
}

/// <summary>An event's date: one day, or a range for a fact with no exact date (model.md rule 5).</summary>
public sealed record EventDate(DateOnly From, DateOnly To, bool IsRange)
{
    public static EventDate Day(DateOnly day) => new(day, day, false);
    public static EventDate Range(DateOnly from, DateOnly to) => new(from, to, true);

    public override string ToString() => IsRange ? $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}" : From.ToString("yyyy-MM-dd");
}

/// <summary>An agreement's or twinning's term: an exclusive end day, or a number of calendar years.</summary>
public sealed record Term(DateOnly? Until, int? Years);

/// <summary>Whether delegates met in person or online (model.md rules 1 and 3).</summary>
public enum EventMode { InPerson, Online }

/// <summary>A dated fact between two groups of actors: every actor of <see cref="SideA"/> with every one of <see cref="SideB"/>.</summary>
public sealed record ScenarioEvent(
    string Id,
    EventDate Date,
    int? Count,
    string Kind,
    ValueList<string> SideA,
    ValueList<string> SideB,
    EventMode Mode,
    double? Weight,
    Term? Term,
    Certainty Certainty,
    ValueList<string> Sources,
    string? Title,
    string? Note,
    Origin Origin)
{
    /// <summary>The first source cited (an event cites at least one; format 1.1 allows a list).</summary>
    [JsonIgnore]
    public string Source => Sources[0];

    /// <summary>Whether the id was given in the file (false: the default e1, e2, … by position).</summary>
    public bool HasExplicitId { get; init; } = true;

    /// <summary>
    /// How sure the writer is of the term (its end, its length or, for a twinning, that it has none), where that is
    /// less sure than the event itself (format 1.2, <c>termCertainty</c>); null: as sure as the event.
    /// </summary>
    public Certainty? TermCertainty { get; init; }

    /// <summary>
    /// How sure the writer is of the day (or range) given, where the event itself is surer (format 1.2,
    /// <c>dateCertainty</c>); null: as sure as the event. Provenance only: the filter and the certainty parts follow the
    /// event's own certainty, since the event happened at the level it is reported (model.md rules 8 and 9).
    /// </summary>
    public Certainty? DateCertainty { get; init; }

    /// <summary>The certainty of the event's standing tie (model.md rule 9): its term's, else the event's own.</summary>
    [JsonIgnore]
    public Certainty TieCertainty => TermCertainty ?? Certainty;

    /// <summary>The conventions the event follows (format 1.2), by id; empty when none.</summary>
    public ValueList<string> Conventions { get; init; } = ValueList<string>.Empty;

    public string ShortTitle => Title ?? $"{Kind} ({Id})";
}

/// <summary>A scenario file as written: its own declarations, before includes are merged.</summary>
public sealed record ScenarioDocument(
    string Path,
    string Id,
    string? Title,
    string? Description,
    Period? Period,
    ValueList<IncludeReference> Includes,
    ModelOverrides? Model,
    ValueList<Source> Sources,
    ValueList<Actor> Actors,
    ValueList<RelationshipDeclaration> Relationships,
    ValueList<Interruption> Interruptions,
    ValueList<ScenarioEvent> Events,
    Origin Origin)
{
    /// <summary>The conventions the file states (format 1.2).</summary>
    public ValueList<Convention> Conventions { get; init; } = ValueList<Convention>.Empty;

    /// <summary>The title per language (format 1.2 <c>titles:</c>), or null.</summary>
    public LanguageTexts? Titles { get; init; }

    /// <summary>The description per language (format 1.2 <c>descriptions:</c>), or null.</summary>
    public LanguageTexts? Descriptions { get; init; }
}

/// <summary>An entry of <c>include:</c>.</summary>
public sealed record IncludeReference(string Path, Origin Origin);

/// <summary>A dyad declared under <c>relationships:</c>.</summary>
public sealed record RelationshipDeclaration(string A, string B, Origin Origin);
