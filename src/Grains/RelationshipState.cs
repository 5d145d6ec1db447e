namespace Relations.Grains;

/// <summary>What a relationship grain keeps: its setup, every impulse and standing tie it holds, and its series once complete.</summary>
[GenerateSerializer, Alias("relations.relationship-state")]
public sealed class RelationshipState
{
    [Id(0)] public Interfaces.RelationshipSetup? Setup { get; set; }
    [Id(1)] public List<HeldImpulse> Impulses { get; set; } = [];
    [Id(2)] public List<HeldStandingTie> StandingTies { get; set; } = [];
    [Id(3)] public int Cancelled { get; set; }
    [Id(4)] public Interfaces.DyadSeriesData? Series { get; set; }
}

/// <summary>An impulse on the dyad: its own (<see cref="Spill"/> 0), or spilled down (1) or up (2) from <see cref="From"/>.</summary>
[GenerateSerializer, Immutable, Alias("relations.held-impulse")]
public readonly record struct HeldImpulse(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Occurrence,
    [property: Id(2)] DateOnly Day,
    [property: Id(3)] double Amount,
    [property: Id(4)] byte Spill,
    [property: Id(5)] string? From);

/// <summary>A standing tie of an agreement or twinning, in force from <see cref="Start"/> until <see cref="Until"/> (exclusive).</summary>
[GenerateSerializer, Immutable, Alias("relations.held-standing-tie")]
public readonly record struct HeldStandingTie(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Occurrence,
    [property: Id(2)] DateOnly Start,
    [property: Id(3)] DateOnly? Until,
    [property: Id(4)] double Value);
