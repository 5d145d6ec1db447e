using System.Globalization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Output;

/// <summary>
/// One row of a scenario's provenance table (interfaces.md, <c>relations sources</c>): an actor, interruption or
/// event with its date, dyad, kind, certainty, sources and note; an interruption's scope stands in <see cref="Between"/>
/// and its cancelled share and decay multiplier (resolved against the model's m) in their own columns, an actor's
/// display name in <see cref="Title"/>, the ids of the conventions it follows (format 1.2) in <see cref="Conventions"/>.
/// Absent values are empty strings.
/// </summary>
public sealed record ProvenanceRow(
    string Entry,
    string Id,
    string Date,
    string Between,
    string Kind,
    string Certainty,
    IReadOnlyList<string> SourceIds,
    IReadOnlyList<string> SourceTitles,
    string Note,
    string Title,
    string Count,
    string Mode,
    string Term,
    string Cancels,
    string DecayMultiplier,
    string Country,
    string Parent)
{
    public IReadOnlyList<string> Conventions { get; init; } = [];
}

/// <summary>
/// The provenance table of a loaded scenario: every actor, then every interruption, then every event by date (events of
/// one date in file order).
/// </summary>
public static class ProvenanceTable
{
    public static IReadOnlyList<ProvenanceRow> Rows(Scenario scenario)
    {
        var titles = scenario.Sources.ToDictionary(s => s.Id, s => s.Title, StringComparer.Ordinal);
        IReadOnlyList<string> TitlesOf(IEnumerable<string> ids) => [.. ids.Select(id => titles.GetValueOrDefault(id, id))];
        var tree = new ActorTree(scenario.Actors);
        var model = scenario.Model;
        var rows = new List<ProvenanceRow>();

        foreach (var actor in scenario.Actors)
        {
            rows.Add(new ProvenanceRow("actor", actor.Id, "", "", actor.Kind, Word(actor.Certainty), actor.Sources, TitlesOf(actor.Sources),
                actor.Note ?? "", actor.DisplayName, "", "", "", "", "", tree.CountryOf(actor.Id) ?? "", actor.Parent ?? "")
                { Conventions = actor.Conventions });
        }

        foreach (var interruption in scenario.Interruptions)
        {
            rows.Add(new ProvenanceRow("interruption", interruption.Id, $"{Day(interruption.From)}..{Day(interruption.To)}",
                Scope(interruption.Scope), "", Word(interruption.Certainty), interruption.Sources, TitlesOf(interruption.Sources),
                interruption.Note ?? "", interruption.Title ?? "", "", "", "",
                Number(interruption.Cancels), Number(interruption.DecayMultiplier ?? model.InterruptionDecayMultiplier), "", "")
                { Conventions = interruption.Conventions });
        }

        foreach (var ev in scenario.Events.OrderBy(e => e.Date.From).ThenBy(e => e.Date.To))
        {
            var date = (ev.Date.IsRange ? $"{Day(ev.Date.From)}..{Day(ev.Date.To)}" : Day(ev.Date.From))
                + (ev.DateCertainty is { } dateCertainty ? $" ({CertaintyWords.Name(dateCertainty)})" : "");
            rows.Add(new ProvenanceRow("event", ev.Id, date, Between(ev), ev.Kind, Word(ev.Certainty), ev.Sources, TitlesOf(ev.Sources),
                ev.Note ?? "", ev.Title ?? "", (ev.Count ?? 1).ToString(CultureInfo.InvariantCulture),
                ev.Mode == EventMode.Online ? "online" : "in-person", Term(ev, model), "", "", "", "")
                { Conventions = ev.Conventions });
        }
        return rows;
    }

    /// <summary>"a – b" for one dyad; "[a1, a2] × [b1]" for two sides.</summary>
    private static string Between(ScenarioEvent ev) =>
        ev.SideA.Count == 1 && ev.SideB.Count == 1
            ? $"{ev.SideA[0]} – {ev.SideB[0]}"
            : $"[{string.Join(", ", ev.SideA)}] × [{string.Join(", ", ev.SideB)}]";

    private static string Scope(InterruptionScope scope) =>
        scope.All ? "all"
            : string.Join("; ", new[]
            {
                scope.Countries.Count > 0 ? "countries: " + string.Join(", ", scope.Countries) : null,
                scope.Actors.Count > 0 ? "actors: " + string.Join(", ", scope.Actors) : null,
            }.OfType<string>());

    /// <summary>
    /// The term as written; for a kind holding a tie without one, the default that applies (model.md rule 2); with the
    /// term's own certainty when it is less sure than the event (<c>termCertainty</c>, format 1.2).
    /// </summary>
    private static string Term(ScenarioEvent ev, ModelParameters model)
    {
        var term = ev.Term switch
        {
            { Until: { } until } => "until " + Day(until),
            { Years: { } years } => $"{years} years",
            _ => EventKind.Find(ev.Kind)?.Tie?.DefaultTermYears(model) switch
            {
                { } years => $"{years} years (default)",
                null when EventKind.HoldsTie(ev.Kind) => "no end",
                _ => "",
            },
        };
        return ev.TermCertainty is { } certainty && term.Length > 0 ? $"{term} ({CertaintyWords.Name(certainty)})" : term;
    }

    private static string Word(Certainty? certainty) => CertaintyWords.Name(certainty ?? Certainty.Reported);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
