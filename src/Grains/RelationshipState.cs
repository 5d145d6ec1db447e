using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// What a relationship grain writes at a checkpoint: how far it has applied the run (<see cref="AppliedThroughSlice"/>),
/// the carried decayed sums of R's certainty parts, the standing ties, and the parts at the sample days already passed. Impulses are
/// folded into the sum as each slice closes, so the state stays small however many events a dyad sees. The
/// setup is not stored: the run sends it again when it resumes.
/// </summary>
[GenerateSerializer, Alias("relations.relationship-state")]
public sealed class RelationshipState
{
    [Id(1)] public int AppliedThroughSlice { get; set; } = -1;
    [Id(2)] public DateOnly? Cursor { get; set; }

    /// <summary>The carried decayed sum of the reported part (model.md rule 9); before version 1.2, of all of R.</summary>
    [Id(3)] public double Decayed { get; set; }
    [Id(4)] public List<HeldStandingTie> StandingTies { get; set; } = [];

    /// <summary>The reported part of R at the sample days passed (before version 1.2, all of R).</summary>
    [Id(5)] public List<double> Scores { get; set; } = [];
    [Id(6)] public int Applied { get; set; }
    [Id(7)] public int Cancelled { get; set; }
    [Id(8)] public DyadSeriesData? Series { get; set; }
    [Id(9)] public double DecayedInferred { get; set; }
    [Id(10)] public double DecayedAssumed { get; set; }
    [Id(11)] public List<double> ScoresInferred { get; set; } = [];
    [Id(12)] public List<double> ScoresAssumed { get; set; } = [];
}

/// <summary>
/// A standing tie of an agreement or twinning, in force from <see cref="Start"/> until <see cref="Until"/> (exclusive),
/// counting in the certainty part <see cref="Level"/> (model.md rule 9, a <c>Certainty</c> as a byte).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.held-standing-tie")]
public readonly record struct HeldStandingTie(
    [property: Id(2)] DateOnly Start,
    [property: Id(3)] DateOnly? Until,
    [property: Id(4)] double Value,
    [property: Id(5)] byte Level = 0);
