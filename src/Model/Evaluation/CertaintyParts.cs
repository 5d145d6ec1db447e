using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// A dyad's R split by certainty at each sample (model.md rule 9): the part resting on reported, on inferred and on
/// assumed entries — each the decayed impulses and spills whose event has that certainty, and the standing ties whose
/// term has it. R is the sum of its parts as <see cref="Sum"/> adds them, in every engine, so they add up to it exactly.
/// </summary>
public sealed record CertaintyParts(IReadOnlyList<double> Reported, IReadOnlyList<double> Inferred, IReadOnlyList<double> Assumed)
{
    /// <summary>How many parts there are: one per <see cref="Certainty"/>, indexed by it.</summary>
    public const int Count = 3;

    public IReadOnlyList<double> this[Certainty level] => level switch
    {
        Certainty.Reported => Reported,
        Certainty.Inferred => Inferred,
        _ => Assumed,
    };

    /// <summary>R from its parts: (reported + inferred) + assumed, the one order every engine adds them in.</summary>
    public static double Sum(double reported, double inferred, double assumed) => reported + inferred + assumed;

    /// <summary>R at every sample (<see cref="Sum"/> of the parts).</summary>
    public double[] Scores()
    {
        var scores = new double[Reported.Count];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Sum(Reported[i], Inferred[i], Assumed[i]);
        return scores;
    }

    /// <summary>The parts of R at or above <paramref name="level"/> (rule 9: the R a replay filtered at that level gives).</summary>
    public double AtOrAbove(Certainty level, int sample) => level switch
    {
        Certainty.Reported => Reported[sample],
        Certainty.Inferred => Reported[sample] + Inferred[sample],
        _ => Sum(Reported[sample], Inferred[sample], Assumed[sample]),
    };

    /// <summary>
    /// How S's share follows R's (docs/model.md, "Certainty parts"): each level adds what it adds to S on top of the surer
    /// levels — S_reported = S(R_reported), S_inferred = S(R_reported + R_inferred) − S_reported, S_assumed = S(R) −
    /// S(R_reported + R_inferred) — so the strength parts at or above a level are the strength of the replay filtered at
    /// that level, and they add up to S.
    /// </summary>
    public (double Reported, double Inferred, double Assumed) StrengthParts(int sample, ModelParameters model)
    {
        var reported = StrengthModel.Strength(AtOrAbove(Certainty.Reported, sample), model);
        var throughInferred = StrengthModel.Strength(AtOrAbove(Certainty.Inferred, sample), model);
        var all = StrengthModel.Strength(AtOrAbove(Certainty.Assumed, sample), model);
        return (reported, throughInferred - reported, all - throughInferred);
    }

    /// <summary>
    /// The share of the value that rests on assumptions at a sample: S_assumed / S (0 when S is 0). With every part of one
    /// sign it lies in [0, 1]; where opposite signs meet (a protest against a visit) it may leave that range.
    /// </summary>
    public double AssumedShare(int sample, ModelParameters model)
    {
        var parts = StrengthParts(sample, model);
        var strength = parts.Reported + parts.Inferred + parts.Assumed;
        return strength == 0.0 ? 0.0 : parts.Assumed / strength;
    }
}
