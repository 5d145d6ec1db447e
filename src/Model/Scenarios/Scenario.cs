namespace Relations.Model.Scenarios;

/// <summary>
/// A replayable scenario: a file with its includes merged, or a variant with its changes applied, validated.
/// The engines read only this.
/// </summary>
public sealed record Scenario(
    string Id,
    string Title,
    string? Description,
    Period Period,
    ModelParameters Model,
    ValueList<Source> Sources,
    ValueList<Actor> Actors,
    ValueList<RelationshipDeclaration> Relationships,
    ValueList<Interruption> Interruptions,
    ValueList<ScenarioEvent> Events)
{
    /// <summary>For a variant, the id of the scenario or variant it changes; otherwise null.</summary>
    public string? BaseId { get; init; }

    /// <summary>The conventions its files state (format 1.2), merged like sources; entries name them by id.</summary>
    public ValueList<Convention> Conventions { get; init; } = ValueList<Convention>.Empty;

    /// <summary>The title per language (format 1.2 <c>titles:</c>), or null; <see cref="Title"/> is the fallback.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LanguageTexts? Titles { get; init; }

    /// <summary>The description per language (format 1.2 <c>descriptions:</c>), or null; <see cref="Description"/> is the fallback.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public LanguageTexts? Descriptions { get; init; }

    /// <summary>The title in <paramref name="language"/> ("vi" or "en") when the file gives one, else <see cref="Title"/>.</summary>
    public string TitleIn(string? language) => Titles?.For(language) ?? Title;

    /// <summary>The description in <paramref name="language"/> when the file gives one, else <see cref="Description"/>.</summary>
    public string? DescriptionIn(string? language) => Descriptions?.For(language) ?? Description;

    /// <summary>
    /// The lowest certainty this scenario keeps (model.md rule 8): <see cref="Certainty.Assumed"/>, everything, unless
    /// it came from <see cref="KeepingCertainty"/>.
    /// </summary>
    public Certainty KeptCertainty { get; init; } = Certainty.Assumed;

    public Actor ActorById(string id) => Actors.First(a => a.Id == id);

    /// <summary>
    /// The certainty filter (model.md rule 8), the one every engine replays through: keeps the events and
    /// interruptions whose certainty (reported when not written) is at least <paramref name="lowest"/> and drops the
    /// others before anything is computed, so their spills, ties and dyads go with them (the dyad set is built from
    /// the declared relationships and the kept events). Actors, sources and relationships stay. Answers this
    /// scenario itself when nothing is dropped, so a version-1 replay is untouched.
    /// </summary>
    public Scenario KeepingCertainty(Certainty lowest)
    {
        var level = lowest < KeptCertainty ? lowest : KeptCertainty;
        var events = Events.Where(e => e.Certainty <= level).ToValueList();
        var interruptions = Interruptions.Where(i => (i.Certainty ?? Certainty.Reported) <= level).ToValueList();
        if (events.Count == Events.Count && interruptions.Count == Interruptions.Count && level == KeptCertainty)
            return this;
        return this with { Events = events, Interruptions = interruptions, KeptCertainty = level };
    }
}
