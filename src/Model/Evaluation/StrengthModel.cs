using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The arithmetic of model 1.1 (model.md), in one place: impulse weights, decay over effective elapsed days,
/// standing-tie terms and the strength index. Both engines call these, so they agree to the last digit.
/// </summary>
public static class StrengthModel
{
    /// <summary>Rule 1: the event's weight (or its kind's), times the online factor for online events.</summary>
    public static double ImpulseWeight(ScenarioEvent ev, ModelParameters model) =>
        (ev.Weight ?? model.WeightOf(ev.Kind)) * (ev.Mode == EventMode.Online ? model.OnlineFactor : 1.0);

    /// <summary>
    /// E(t0, t): elapsed days plus (m_x − 1) for every interrupted day x with t0 ≤ x &lt; t, m_x the largest multiplier
    /// of the interruptions covering x (the calendar holds them, resolved against the model's m).
    /// </summary>
    public static double EffectiveElapsedDays(DateOnly t0, DateOnly t, InterruptionCalendar calendar) => calendar.EffectiveDays(t0, t);

    /// <summary>The share of an impulse left after <paramref name="effectiveDays"/>: 2^(−E/H).</summary>
    public static double Decay(double effectiveDays, ModelParameters model) => Math.Pow(2.0, -effectiveDays / model.HalfLifeDays);

    /// <summary>S = 100 · sign(R) · (1 − e^(−|R|/κ)), in (−100, 100).</summary>
    public static double Strength(double score, ModelParameters model) =>
        100.0 * Math.Sign(score) * (1.0 - Math.Exp(-Math.Abs(score) / model.Kappa));

    /// <summary>
    /// Rule 2: the standing tie an applied occurrence of an event whose kind holds one (<see cref="EventKind.Tie"/>)
    /// holds, as (value, exclusive end or null for ever); null for other kinds, and under the certainty filter (rule 8)
    /// when the tie's certainty (<see cref="ScenarioEvent.TieCertainty"/>) is below the kept level <paramref name="kept"/>.
    /// </summary>
    public static (double Value, DateOnly? Until)? StandingTie(ScenarioEvent ev, DateOnly day, ModelParameters model, Certainty kept) =>
        EventKind.Find(ev.Kind)?.Tie is { } tie && ev.TieCertainty <= kept ? (tie.Value(model), tie.Until(ev.Term, day, model)) : null;

    /// <summary>Whether a standing tie from <paramref name="start"/> is in force on <paramref name="t"/> (start ≤ t &lt; until).</summary>
    public static bool InForce(DateOnly start, DateOnly? until, DateOnly t) => start <= t && (until is null || t < until);

    /// <summary>Rule 3: whether an interruption applies to a dyad.</summary>
    public static bool Applies(Interruption interruption, Dyad dyad, ActorTree actors)
    {
        var scope = interruption.Scope;
        if (scope.All)
            return true;
        foreach (var actor in (string[])[dyad.A, dyad.B])
        {
            if (actors.CountryOf(actor) is { } country && scope.Countries.Contains(country))
                return true;
            if (actors.SelfAndAncestors(actor).Any(scope.Actors.Contains))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Rule 3 (1.1): the factor an event is applied with on a dyad — 1 for online events and days no interruption
    /// covers, else 1 − c with c the largest <c>cancels</c> of the interruptions covering the day. It multiplies the
    /// impulse, its spills and the standing tie alike.
    /// </summary>
    public static double AppliedFactor(EventMode mode, DateOnly day, InterruptionCalendar calendar) =>
        mode == EventMode.InPerson ? 1.0 - calendar.CancelShare(day) : 1.0;

    /// <summary>Rule 3: whether an event is cancelled outright on a dyad (factor 0: nothing of it applies there).</summary>
    public static bool IsCancelled(EventMode mode, DateOnly day, InterruptionCalendar calendar) =>
        AppliedFactor(mode, day, calendar) == 0.0;
}
