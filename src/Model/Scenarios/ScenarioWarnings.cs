using System.Globalization;
using Relations.Model.Evaluation;

namespace Relations.Model.Scenarios;

/// <summary>
/// What is legal but likely unintended in a valid scenario (interfaces.md, "validate warnings"): an agreement whose
/// default term applies, an event dated outside the period, an actor that nothing refers to.
/// </summary>
internal static class ScenarioWarnings
{
    /// <param name="ownActors">
    /// The actors the checked file declares itself (not its includes); empty for a variant, and for a file without a
    /// period, which is meant to be included and whose actors the includers use.
    /// </param>
    /// <param name="period">The replayed file's period; null for a file meant to be included.</param>
    public static IEnumerable<Problem> Of(
        IReadOnlyList<Actor> ownActors,
        IReadOnlyList<Actor> actors,
        IReadOnlyList<RelationshipDeclaration> relationships,
        IReadOnlyList<Interruption> interruptions,
        IReadOnlyList<ScenarioEvent> events,
        ModelParameters model,
        Period? period)
    {
        foreach (var ev in events)
        {
            if (ev.Term is null && EventKind.Find(ev.Kind)?.Tie is { } tie && tie.DefaultTermYears(model) is { } years)
                yield return Problem.Warning(ev.Origin.Node, DefaultTerm(ev, tie, years, model));
            if (period is not null && OutsidePeriod(ev, period) is { } outside)
                yield return Problem.Warning(ev.Origin["date"], outside);
        }

        var referred = new HashSet<string>(StringComparer.Ordinal);
        referred.UnionWith(events.SelectMany(e => e.SideA.Concat(e.SideB)));
        referred.UnionWith(relationships.SelectMany(r => (string[])[r.A, r.B]));
        referred.UnionWith(interruptions.SelectMany(i => i.Scope.Actors));
        referred.UnionWith(actors.Select(a => a.Parent).OfType<string>());
        foreach (var actor in ownActors.Where(a => !referred.Contains(a.Id)))
        {
            yield return Problem.Warning(actor.Origin["id"],
                $"actor '{actor.Id}' is declared but no event, relationship, interruption scope or child actor refers to it");
        }
    }

    /// <summary>
    /// The default term's end (model.md rule 2). For a date range every occurrence holds its own tie (rule 5), so the
    /// message gives the first and the last end of the deterministic placement; a seeded replay moves them.
    /// </summary>
    private static string DefaultTerm(ScenarioEvent ev, StandingTieRule tie, int years, ModelParameters model)
    {
        var count = ev.Count ?? 1;
        var (first, last) = (End(Occurrences.SpreadDay(ev, 0)), End(Occurrences.SpreadDay(ev, count - 1)));
        var advice = "write term: { until: YYYY-MM-DD } or { years: n } if the source gives one, or to say the default is meant";
        if (count == 1 && !ev.Date.IsRange)
            return $"{ev.Kind} '{ev.Id}' has no 'term': the default of {years} years applies and its standing tie ends on {first} ({advice})";
        return count == 1
            ? $"{ev.Kind} '{ev.Id}' has no 'term': the default of {years} years applies from its place in the range, so its standing tie ends on {first} in a replay without a seed ({advice})"
            : $"{ev.Kind} '{ev.Id}' has no 'term': the default of {years} years applies to each of its {count} occurrences, whose ties end from {first} to {last} in a replay without a seed ({advice})";

        // A term that would run past the calendar's last day is reported as such, not as a failure of validate.
        string End(DateOnly day) => day.Year + years <= DateOnly.MaxValue.Year
            ? tie.Until(ev.Term, day, model)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "after 9999-12-31";
    }

    private static string? OutsidePeriod(ScenarioEvent ev, Period period)
    {
        var (from, to) = (ev.Date.From, ev.Date.To);
        var when = ev.Date.IsRange
            ? Invariant($"ranges over {ev.Date.From:yyyy-MM-dd}..{ev.Date.To:yyyy-MM-dd}")
            : Invariant($"is dated {ev.Date.From:yyyy-MM-dd}");
        var span = Invariant($"the period {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}");
        if (to < period.From)
            return $"event '{ev.Id}' {when}, before {span}: it is replayed, and only its decayed impulse (and any standing tie) shows";
        if (from > period.To)
            return $"event '{ev.Id}' {when}, after {span}: no sample shows it";
        if (from < period.From || to > period.To)
            return $"event '{ev.Id}' {when}, partly outside {span}: occurrences may fall outside it";
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
