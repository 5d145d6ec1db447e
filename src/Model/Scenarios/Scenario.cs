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

    public Actor ActorById(string id) => Actors.First(a => a.Id == id);
}
