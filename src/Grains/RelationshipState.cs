namespace Relations.Grains;

/// <summary>
/// What a relationship grain stores: its setup, how many occurrences it applied and cancelled, and its series
/// once complete. The impulses themselves live in the activation: a dyad of a large run holds thousands, and
/// writing them on every checkpoint would cost more than the replay.
/// </summary>
[GenerateSerializer, Alias("relations.relationship-state")]
public sealed class RelationshipState
{
    [Id(0)] public Interfaces.RelationshipSetup? Setup { get; set; }
    [Id(1)] public int Applied { get; set; }
    [Id(2)] public int Cancelled { get; set; }
    [Id(3)] public Interfaces.DyadSeriesData? Series { get; set; }
}

/// <summary>An impulse on the dyad: its own (<see cref="Spill"/> 0), or spilled down (1) or up (2) from <see cref="From"/>.</summary>
[Immutable]
public readonly record struct HeldImpulse(
    string EventId,
    int Occurrence,
    DateOnly Day,
    double Amount,
    byte Spill,
    string? From);

/// <summary>A standing tie of an agreement or twinning, in force from <see cref="Start"/> until <see cref="Until"/> (exclusive).</summary>
[Immutable]
public readonly record struct HeldStandingTie(
    string EventId,
    int Occurrence,
    DateOnly Start,
    DateOnly? Until,
    double Value);
