using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// The rule kernel of model 1.2 (model.md): every rule an engine applies, in one place — which interruptions apply to
/// a dyad, what an occurrence leaves on its own dyad and spills to others (<see cref="Apply"/>), decay over effective
/// elapsed days, standing ties in force and the strength index. How each event acts is read once into an
/// <see cref="EventRule"/>; a dyad's interrupted days are its <see cref="InterruptionCalendar"/>. The reference loop,
/// the streaming evaluator and the grains all call these, so they agree to the last digit where they sum alike.
/// </summary>
public static class StrengthModel
{
    /// <summary>Rule 1: the event's weight (or its kind's), times the online factor for online events.</summary>
    public static double ImpulseWeight(ScenarioEvent ev, ModelParameters model) => ImpulseWeight(ev.Weight ?? model.WeightOf(ev.Kind), ev.Mode, model);

    /// <summary>Rule 1: an event's weight (its own or its kind's) times the online factor for an online event.</summary>
    public static double ImpulseWeight(double weight, EventMode mode, ModelParameters model) =>
        weight * (mode == EventMode.Online ? model.OnlineFactor : 1.0);

    /// <summary>
    /// Rules 1, 3 (1.1) and 4 for one occurrence on its own dyad, given the share the interruptions covering its day
    /// there cancel (<see cref="InterruptionCalendar.CancelShare(int)"/>): in person it is applied with factor 1 − c,
    /// online in full; its impulse is weight × factor, and it spills σ↓ and σ↑ of that impulse. Whether and how much
    /// an occurrence is cancelled is decided here, on its own dyad: a spill is not cancelled again where it arrives.
    /// </summary>
    public static Application Apply(double weight, bool inPerson, double cancelShare, ModelParameters model)
    {
        var factor = inPerson ? 1.0 - cancelShare : 1.0;
        var impulse = weight * factor;
        return new Application(factor, impulse, model.SpillDown * impulse, model.SpillUp * impulse);
    }

    /// <summary>E(t0, t): elapsed days plus (m_x − 1) for every interrupted day x with t0 ≤ x &lt; t (the dyad's calendar).</summary>
    public static double EffectiveElapsedDays(DateOnly t0, DateOnly t, InterruptionCalendar calendar) => calendar.EffectiveDays(t0, t);

    /// <summary>The share of an impulse left after <paramref name="effectiveDays"/>: 2^(−E/H).</summary>
    public static double Decay(double effectiveDays, ModelParameters model) => Math.Pow(2.0, -effectiveDays / model.HalfLifeDays);

    /// <summary>S = 100 · sign(R) · (1 − e^(−|R|/κ)), in (−100, 100).</summary>
    public static double Strength(double score, ModelParameters model) =>
        100.0 * Math.Sign(score) * (1.0 - Math.Exp(-Math.Abs(score) / model.Kappa));

    /// <summary>
    /// Rule 2 with the certainty filter (rule 8, format 1.2): the standing tie an event's kind holds, or null for kinds
    /// holding none and for a tie whose term is less sure (<see cref="ScenarioEvent.TieCertainty"/>) than the level kept.
    /// </summary>
    public static StandingTieRule? TieRule(ScenarioEvent ev, StandingTieRule? kindTie, Certainty kept) =>
        ev.TieCertainty <= kept ? kindTie : null;

    /// <summary>Whether a standing tie from <paramref name="start"/> is in force on <paramref name="t"/> (start ≤ t &lt; until).</summary>
    public static bool InForce(DateOnly start, DateOnly? until, DateOnly t) => start <= t && (until is null || t < until);

    /// <summary>Rule 3: whether an interruption applies to a dyad: its scope is all, or it names either actor (<see cref="Names"/>).</summary>
    public static bool Applies(Interruption interruption, Dyad dyad, ActorTree actors) =>
        interruption.Scope.All || Names(interruption.Scope, dyad.A, actors) || Names(interruption.Scope, dyad.B, actors);

    /// <summary>
    /// Rule 3: whether a scope other than all names an actor: the actor's country (its own, or inherited from its nearest
    /// ancestor) is in <c>countries</c>, or the actor or one of its ancestors is in <c>actors</c>.
    /// </summary>
    public static bool Names(InterruptionScope scope, string actor, ActorTree actors)
    {
        if (actors.CountryOf(actor) is { } country && scope.Countries.Contains(country))
            return true;
        foreach (var self in actors.SelfAndAncestors(actor))
        {
            if (scope.Actors.Contains(self))
                return true;
        }
        return false;
    }

    /// <summary>Rule 3: whether an event is cancelled outright on a dyad (factor 0: nothing of it applies there).</summary>
    public static bool IsCancelled(EventMode mode, DateOnly day, InterruptionCalendar calendar) =>
        Apply(0.0, mode == EventMode.InPerson, calendar.CancelShare(day), ModelParameters.Default).Factor == 0.0;
}

/// <summary>
/// What one occurrence leaves on its own dyad once the interruptions there are applied (model.md rules 1, 3 and 4):
/// the factor it is applied with (1 − c in person, 1 online; 0: cancelled), its impulse, and the spills it sends down
/// to each child dyad and up to the parent dyad.
/// </summary>
public readonly record struct Application(double Factor, double Impulse, double SpillDown, double SpillUp)
{
    /// <summary>Whether anything of the occurrence applies (rule 3: a wholly cancelled one adds nothing anywhere).</summary>
    public bool Applies => Factor != 0.0;

    /// <summary>Its standing tie of full value <paramref name="value"/>, scaled like the impulse (rule 3, 1.1).</summary>
    public double Tie(double value) => value * Factor;
}
