using System.Globalization;
using Relations.Dashboard.Variants;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Classes;

/// <summary>
/// What a variant changes against its base, read from the two scenarios themselves (so a hand-written variant file
/// is described as well as an editor-made one): events and interruptions removed, added or moved, model settings changed.
/// </summary>
public static class ScenarioChanges
{
    public static IReadOnlyList<string> Of(Scenario baseScenario, Scenario variant)
    {
        var changes = new List<string>();
        var baseEvents = baseScenario.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var variantEvents = variant.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var e in baseScenario.Events.Where(e => !variantEvents.ContainsKey(e.Id)))
            changes.Add($"Removes {e.ShortTitle} ({e.Id}).");
        foreach (var e in variant.Events)
        {
            if (!baseEvents.TryGetValue(e.Id, out var before))
                changes.Add($"Adds {e.ShortTitle} ({e.Id}), a {e.Kind} on {e.Date}.");
            else if (before.Date != e.Date)
                changes.Add($"Moves {e.ShortTitle} ({e.Id}) from {before.Date} to {e.Date}.");
        }
        var baseCuts = baseScenario.Interruptions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var variantCuts = variant.Interruptions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var i in baseScenario.Interruptions.Where(i => !variantCuts.ContainsKey(i.Id)))
            changes.Add($"Removes the interruption {i.Title ?? i.Id} ({i.Id}).");
        foreach (var i in variant.Interruptions)
        {
            if (!baseCuts.TryGetValue(i.Id, out var before))
                changes.Add($"Adds the interruption {i.Title ?? i.Id} ({i.Id}), {Day(i.From)} – {Day(i.To)}.");
            else if (before.From != i.From || before.To != i.To)
                changes.Add($"Moves the interruption {i.Title ?? i.Id} ({i.Id}) to {Day(i.From)} – {Day(i.To)}.");
        }
        var baseValues = ModelForm.Values(baseScenario.Model).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        foreach (var setting in ModelForm.Values(variant.Model))
        {
            var (key, label, value) = (setting.Key, setting.English, setting.Value);
            if (!baseValues.TryGetValue(key, out var before) || before != value)
                changes.Add($"Sets {label} to {Number(value)} (base {(baseValues.ContainsKey(key) ? Number(before) : "none")}).");
        }
        return changes;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
