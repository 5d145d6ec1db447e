namespace Relations.Model.Scenarios;

/// <summary>
/// An event kind of model.md ("Event kinds and default weights"): its CAMEO code, its default (Goldstein) weight and,
/// for the kinds that hold one, the standing tie it holds for a term (rule 2). The one description of a kind that the
/// reader, the engines, the plots and the editor consult; a kind a file adds under <c>model.weights</c> is a plain
/// impulse with no code and no tie.
/// </summary>
public sealed record EventKind(string Name, string? Cameo, double Weight, StandingTieRule? Tie)
{
    /// <summary>Whether an event of this kind may say <c>term</c> (and <c>termCertainty</c>).</summary>
    public bool CarriesTerm => Tie is not null;

    /// <summary>Whether an applied event of this kind holds a standing tie (rule 2).</summary>
    public bool CarriesStandingTie => Tie is not null;

    /// <summary>The kinds of model.md, in its table's order.</summary>
    public static IReadOnlyList<EventKind> Known { get; } =
    [
        new("consult", "040", 1.0, null),
        new("visit", "042", 1.9, null),
        new("host", "043", 2.8, null),
        new("cooperate", "050", 3.5, null),
        new("intent", "030", 4.0, null),
        new("material", "061", 6.4, null),
        new("aid", "070", 7.0, null),
        new("agreement", "057", 8.0, new StandingTieRule("agreementStanding", m => m.AgreementStanding, m => m.AgreementTermYears)),
        new("twinning", "057", 8.0, new StandingTieRule("twinningStanding", m => m.TwinningStanding, _ => null)),
        new("disapprove", "110", -2.0, null),
        new("reduce", "160", -4.0, null),
    ];

    private static readonly Dictionary<string, EventKind> ByName = Known.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The kind of model.md named <paramref name="name"/>, or null for a kind a file adds.</summary>
    public static EventKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Whether events of kind <paramref name="name"/> may carry a term and hold a standing tie.</summary>
    public static bool HoldsTie(string name) => Find(name)?.CarriesStandingTie == true;

    /// <summary>The names of the kinds that hold a standing tie, for messages ("'agreement' and 'twinning'").</summary>
    public static string TieKindNames { get; } = string.Join(" and ", Known.Where(k => k.CarriesStandingTie).Select(k => $"'{k.Name}'"));
}

/// <summary>
/// Rule 2: the standing tie a kind holds — its value c (the model parameter named <see cref="ValueParameter"/>) and the
/// term it holds for when the event gives none (a number of years, or null for ever).
/// </summary>
public sealed record StandingTieRule(string ValueParameter, Func<ModelParameters, double> Value, Func<ModelParameters, int?> DefaultTermYears)
{
    /// <summary>
    /// The exclusive end of the tie an occurrence on <paramref name="day"/> holds: <c>term.until</c>, else the day plus
    /// <c>term.years</c> or the default years (calendar years: 29 February plus a year is 28 February), else null (for ever).
    /// </summary>
    public DateOnly? Until(Term? term, DateOnly day, ModelParameters model) =>
        term?.Until ?? ((term?.Years ?? DefaultTermYears(model)) is { } years ? day.AddYears(years) : null);
}
