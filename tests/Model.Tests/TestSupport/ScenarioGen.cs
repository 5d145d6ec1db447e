using CsCheck;
using Relations.Model.Scenarios;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// CsCheck generators of small valid scenarios over 2020–2022: a fixed three-level cast, up to eight events of any
/// kind (single days or ranges with counts, in person or online, with and without terms, of every certainty, citing
/// one or two sources), up to three interruptions of every scope form (full or partial cancellation, their own decay
/// multiplier or the model's, of every certainty), and a few declared relationships.
/// </summary>
internal static class ScenarioGen
{
    public static readonly DateOnly Start = new(2020, 1, 1);
    public static readonly DateOnly End = new(2022, 12, 31);

    private static readonly Actor[] Cast =
    [
        Actor("vn", "VN", null), Actor("cn", "CN", null), Actor("la", "LA", null),
        Actor("vn-city", null, "vn"), Actor("vn-town", null, "vn"), Actor("cn-county", null, "cn"),
        Actor("cn-village", null, "cn-county"),
    ];

    private static readonly string[] Ids = [.. Cast.Select(a => a.Id)];

    private static readonly string[] AllKinds = [.. ModelParameters.DefaultWeights.Select(w => w.Key)];

    public static readonly string[] PositiveKinds = [.. ModelParameters.DefaultWeights.Where(w => w.Value > 0).Select(w => w.Key)];

    private static readonly Source TheSource = new("s", "Source", "Publisher", null, null, Origin.None);
    private static readonly Source OtherSource = new("s2", "Second source", "Publisher", null, null, Origin.None);

    private static readonly Certainty[] Certainties = [Certainty.Reported, Certainty.Inferred, Certainty.Assumed];

    /// <summary>Partial shares include 0 (nothing cancelled) and 1 (version 1's full cancellation).</summary>
    private static readonly double[] CancelShares = [1.0, 1.0, 0.0, 0.25, 0.6];

    private static Actor Actor(string id, string? country, string? parent) =>
        new(id, parent is null ? "province" : "city", country, null, [], parent, [], null, null, Origin.None);

    private static readonly Gen<(string A, string B)> Pair =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[0, Ids.Length - 1])
            .Where((a, b) => a != b)
            .Select((a, b) => (Ids[a], Ids[b]));

    /// <summary>An event of one of <paramref name="kinds"/>; its id is set by the scenario generator.</summary>
    public static Gen<ScenarioEvent> Event(string[] kinds) =>
        Gen.Select(Pair, Gen.Int[0, 1095], Gen.Int[0, 200], Gen.Int[1, 3], Gen.Bool, Gen.OneOf(kinds), Gen.Bool, Gen.Int[0, 71])
            .Select((pair, offset, span, count, isRange, kind, online, extras) =>
            {
                var (termYears, provenance, termLevel) = (extras % 3, extras / 3 % 6, extras / 18);
                var from = Start.AddDays(offset);
                var to = from.AddDays(span) > End ? End : from.AddDays(span);
                var date = isRange ? EventDate.Range(from, to) : EventDate.Day(from);
                var term = termYears > 0 && kind is "agreement" or "twinning" ? new Term(null, termYears) : null;
                return new ScenarioEvent("draft", date, isRange ? count : null, kind, [pair.A], [pair.B],
                    online ? EventMode.Online : EventMode.InPerson, null, term, Certainties[provenance % 3],
                    provenance < 3 ? ["s"] : ["s", "s2"], null, null, Origin.None)
                {
                    // Format 1.2: a term at most as sure as its event (the reader refuses a surer one).
                    TermCertainty = termLevel > 0 && kind is "agreement" or "twinning"
                        ? (Certainty)Math.Max(termLevel - 1, provenance % 3)
                        : null,
                };
            });

    private static readonly Gen<Interruption> Interruption =
        Gen.Select(Gen.Int[0, 1095], Gen.Int[0, 300], Gen.Int[0, 2], Gen.OneOf("VN", "CN", "LA"), Gen.OneOf(Ids),
                Gen.Int[0, CancelShares.Length - 1], Gen.Int[0, 3], Gen.Int[0, 2])
            .Select((offset, length, form, country, actor, cancels, multiplier, certainty) => new Interruption("draft", Start.AddDays(offset),
                Start.AddDays(offset + length),
                form switch
                {
                    0 => InterruptionScope.Everything,
                    1 => new InterruptionScope(false, [country], []),
                    _ => new InterruptionScope(false, [], [actor]),
                },
                ["s"], null, certainty == 0 ? null : Certainties[certainty], null, Origin.None)
            {
                Cancels = CancelShares[cancels],
                DecayMultiplier = multiplier switch { 0 => null, 1 => 1.0, 2 => 1.5, _ => 3.0 },
            });

    private static readonly Gen<ModelParameters> Model =
        Gen.Select(Gen.Int[100, 900], Gen.Int[1, 3])
            .Select((halfLife, multiplier) => ModelParameters.Default with { HalfLifeDays = halfLife, InterruptionDecayMultiplier = multiplier });

    public static readonly Gen<Scenario> Scenario =
        Gen.Select(Event(AllKinds).Array[0, 8], Interruption.Array[0, 3], Pair.Array[0, 2], Model)
            .Select((events, interruptions, relationships, model) => new Scenario("generated", "Generated", null,
                new Period(Start, End), model, [TheSource, OtherSource], [.. Cast],
                [.. relationships.Select(r => new RelationshipDeclaration(r.A, r.B, Origin.None))],
                [.. interruptions.Select((x, i) => x with { Id = $"i{i + 1}" })],
                [.. events.Select((e, i) => e with { Id = $"e{i + 1}" })]));

    /// <summary>A scenario and one more event to add to it, of a kind with a positive weight.</summary>
    public static readonly Gen<(Scenario Scenario, ScenarioEvent Extra)> ScenarioAndPositiveEvent =
        Gen.Select(Scenario, Event(PositiveKinds))
            .Select((scenario, extra) => (scenario, extra with { Id = "extra" }));
}
