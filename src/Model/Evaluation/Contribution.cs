using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>What part of an event a contribution to R is (model.md rule 7).</summary>
public enum ContributionKind { Impulse, SpillDown, SpillUp, Standing }

/// <summary>
/// One term of a dyad's R: an event occurrence's impulse (or spill of one, from <see cref="From"/>) of
/// <see cref="Amount"/> on <see cref="Day"/>, or its standing tie of <see cref="Amount"/> from <see cref="Day"/> until
/// <see cref="Until"/> (exclusive; null for ever). <see cref="Factor"/> is what a partial interruption left of the
/// occurrence on its own dyad (model.md rule 3, 1.1): 1 when nothing was cancelled; the amount already includes it.
/// <see cref="Level"/> is the certainty part it counts in (rule 9): its event's, or for a standing tie its term's.
/// </summary>
public sealed record Contribution(
    string EventId,
    int Occurrence,
    DateOnly Day,
    ContributionKind Kind,
    double Amount,
    DateOnly? Until = null,
    Dyad? From = null,
    double Factor = 1.0,
    Certainty Level = Certainty.Reported);
