using Relations.Model.Scenarios;

namespace Relations.Model.Evaluation;

/// <summary>
/// How one event acts, read once from its scenario (model.md rules 1, 2, 8 and 9): the weight of each occurrence's
/// impulse, whether interruptions can cancel it (in person), the certainty part its impulses and spills count in, and
/// the standing tie each applied occurrence holds — its rule and term, and the part it counts in — or none, for a kind
/// holding none or a tie the certainty filter drops (a term less sure than the kept level). Small, so that an engine
/// may keep one per event.
/// </summary>
public readonly record struct EventRule(double Weight, bool InPerson, Certainty Level, StandingTieRule? Tie, Term? Term, Certainty TieLevel)
{
    public bool HoldsTie => Tie is not null;

    /// <summary>The full value c of the tie (rule 2), before any interruption scales it.</summary>
    public double TieValue(ModelParameters model) => Tie!.Value(model);

    /// <summary>The exclusive end of the tie an occurrence on <paramref name="day"/> holds; null for ever (rule 2).</summary>
    public DateOnly? TieUntil(DateOnly day, ModelParameters model) => Tie!.Until(Term, day, model);

    /// <summary>The tie an occurrence on <paramref name="day"/> holds once applied as <paramref name="application"/> (rules 2, 3, 9).</summary>
    public StandingSpan TieOn(DateOnly day, Application application, ModelParameters model) =>
        StandingSpan.Of(day, TieUntil(day, model), application.Tie(TieValue(model)), TieLevel);
}

/// <summary>
/// Reads each event's <see cref="EventRule"/> under a scenario's model and kept certainty, looking each kind up once
/// (a scenario of a million events has a dozen kinds; the last few kind strings seen are matched by reference first).
/// </summary>
public sealed class EventRules(Scenario scenario)
{
    private const int Remembered = 16;
    private readonly Dictionary<string, (double Weight, StandingTieRule? Tie)> kinds = new(StringComparer.Ordinal);
    private readonly string[] seen = new string[Remembered];
    private readonly (double Weight, StandingTieRule? Tie)[] seenKinds = new (double, StandingTieRule?)[Remembered];
    private int seenCount;

    public EventRule Of(ScenarioEvent ev)
    {
        var model = scenario.Model;
        var kind = KindOf(ev.Kind);
        var tie = StrengthModel.TieRule(ev, kind.Tie, scenario.KeptCertainty);
        return new EventRule(StrengthModel.ImpulseWeight(ev.Weight ?? kind.Weight, ev.Mode, model), ev.Mode == EventMode.InPerson,
            ev.Certainty, tie, ev.Term, ev.TieCertainty);
    }

    private (double Weight, StandingTieRule? Tie) KindOf(string name)
    {
        for (var i = 0; i < seenCount; i++)
        {
            if (ReferenceEquals(seen[i], name))
                return seenKinds[i];
        }
        if (!kinds.TryGetValue(name, out var kind))
            kinds[name] = kind = (scenario.Model.WeightOf(name), EventKind.Find(name)?.Tie);
        if (seenCount < Remembered)
            (seen[seenCount], seenKinds[seenCount++]) = (name, kind);
        return kind;
    }
}
