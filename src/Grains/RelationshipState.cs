using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// What a relationship grain writes at a checkpoint: how far it has applied the run (<see cref="AppliedThroughSlice"/>),
/// the carried decayed sum, the standing ties, and the scores of the sample days already passed. Impulses are
/// folded into the sum as each slice closes, so the state stays small however many events a dyad sees. The
/// setup is not stored: the run sends it again when it resumes.
/// </summary>
[GenerateSerializer, Alias("relations.relationship-state")]
public sealed class RelationshipState
{
    [Id(1)] public int AppliedThroughSlice { get; set; } = -1;
    [Id(2)] public DateOnly? Cursor { get; set; }
    [Id(3)] public double Decayed { get; set; }
    [Id(4)] public List<HeldStandingTie> StandingTies { get; set; } = [];
    [Id(5)] public List<double> Scores { get; set; } = [];
    [Id(6)] public int Applied { get; set; }
    [Id(7)] public int Cancelled { get; set; }
    [Id(8)] public DyadSeriesData? Series { get; set; }
}

/// <summary>A standing tie of an agreement or twinning, in force from <see cref="Start"/> until <see cref="Until"/> (exclusive).</summary>
[GenerateSerializer, Immutable, Alias("relations.held-standing-tie")]
public readonly record struct HeldStandingTie(
    [property: Id(2)] DateOnly Start,
    [property: Id(3)] DateOnly? Until,
    [property: Id(4)] double Value);
