using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>What a variant changes, one sentence a change, for the editor, the saved list and the compare page.</summary>
public static class ChangeSummary
{
    /// <param name="text">The shared strings (Strings.vi.resx): the editor, the saved list and the compare page all say these.</param>
    public static IEnumerable<string> Of(VariantSpec spec, Scenario baseScenario, Func<string, string> name, IStringLocalizer<Strings> text)
    {
        string Title(string id) =>
            baseScenario.Events.FirstOrDefault(e => e.Id == id)?.ShortTitle
            ?? baseScenario.Interruptions.FirstOrDefault(i => i.Id == id)?.Title ?? id;
        string Day(DateOnly day) => Display.Day(day);
        string Num(double value) => value.ToString("G", System.Globalization.CultureInfo.CurrentCulture);

        foreach (var id in spec.Remove)
            yield return text["Removes {0} ({1}).", Title(id), id];
        foreach (var move in spec.Moves)
        {
            yield return move.IsEvent && !move.IsRange
                ? text["Moves {0} ({1}) to {2}.", Title(move.Id), move.Id, Day(move.From)]
                : text["Moves {0} ({1}) to {2} – {3}.", Title(move.Id), move.Id, Day(move.From), Day(move.To)];
        }
        foreach (var added in spec.Added)
        {
            var when = added.To is { } to
                ? added.Count is { } n ? text["{0} – {1}, {2} times", Day(added.From), Day(to), n] : text["{0} – {1}", Day(added.From), Day(to)]
                : text["on {0}", Day(added.From)];
            yield return text["Adds {0} ({1}): {2} between {3} and {4}, {5}.", added.Title ?? text.Kind(added.Kind), added.Id, text.Kind(added.Kind), name(added.ActorA), name(added.ActorB), when];
        }
        foreach (var added in spec.AddedInterruptions)
        {
            var scope = added.Countries is { Length: > 0 } countries ? text["in {0}", string.Join(", ", countries)]
                : added.Actors is { Length: > 0 } actors ? text["for {0}", string.Join(", ", actors.Select(name))] : text["everywhere"];
            yield return text["Adds the interruption {0} ({1}), {2} – {3}, {4}.", added.Title ?? added.Id, added.Id, Day(added.From), Day(added.To), scope];
        }
        var parameters = ModelForm.Values(baseScenario.Model).ToDictionary(v => v.Key, v => v);
        foreach (var setting in spec.Model)
        {
            var label = parameters.TryGetValue(setting.Key, out var p) ? p.Label(text) : setting.Key;
            yield return parameters.TryGetValue(setting.Key, out var q)
                ? text["Sets {0} to {1} (base {2}).", label, Num(setting.Value), Num(q.Value)]
                : text["Sets {0} to {1}.", label, Num(setting.Value)];
        }
    }
}
