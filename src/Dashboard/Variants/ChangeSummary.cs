using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>What a variant changes, one sentence a change, for the editor, the saved list and the compare page.</summary>
public static class ChangeSummary
{
    public static IEnumerable<string> Of(VariantSpec spec, Scenario baseScenario, Func<string, string> name)
    {
        string Title(string id) =>
            baseScenario.Events.FirstOrDefault(e => e.Id == id)?.ShortTitle
            ?? baseScenario.Interruptions.FirstOrDefault(i => i.Id == id)?.Title ?? id;
        string Day(DateOnly day) => VariantForm.Day(day);
        string Num(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var id in spec.Remove)
            yield return $"Removes {Title(id)} ({id}).";
        foreach (var move in spec.Moves)
        {
            yield return move.IsEvent && !move.IsRange
                ? $"Moves {Title(move.Id)} ({move.Id}) to {Day(move.From)}."
                : $"Moves {Title(move.Id)} ({move.Id}) to {Day(move.From)} – {Day(move.To)}.";
        }
        foreach (var added in spec.Added)
        {
            var when = added.To is { } to ? $"{Day(added.From)} – {Day(to)}{(added.Count is { } n ? $", {n} times" : "")}" : Day(added.From);
            yield return $"Adds {added.Title ?? added.Kind} ({added.Id}): a {added.Kind} between {name(added.ActorA)} and {name(added.ActorB)} on {when}.";
        }
        foreach (var added in spec.AddedInterruptions)
        {
            var scope = added.Countries is { Length: > 0 } countries ? "in " + string.Join(", ", countries)
                : added.Actors is { Length: > 0 } actors ? "for " + string.Join(", ", actors.Select(name)) : "everywhere";
            yield return $"Adds the interruption {added.Title ?? added.Id} ({added.Id}), {Day(added.From)} – {Day(added.To)}, {scope}.";
        }
        var parameters = ModelForm.Values(baseScenario.Model).ToDictionary(v => v.Key, v => v);
        foreach (var setting in spec.Model)
        {
            var label = parameters.TryGetValue(setting.Key, out var p) ? p.Label : setting.Key;
            var before = parameters.TryGetValue(setting.Key, out var q) ? $" (base {Num(q.Value)})" : "";
            yield return $"Sets {label} to {Num(setting.Value)}{before}.";
        }
    }
}
