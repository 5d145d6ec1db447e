using System.Globalization;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>
/// The what-if editor's form over a base scenario: which events and interruptions are kept, their dates, and the
/// model parameters. Reading it keeps only what differs from the base, so a variant says exactly what changed.
/// </summary>
public static class VariantForm
{
    public const string Keep = "keep";

    public static string KeepEvent(string id) => "e:" + id;
    public static string KeepInterruption(string id) => "i:" + id;
    public static string EventDate(string id) => "ev-date:" + id;
    public static string EventFrom(string id) => "ev-from:" + id;
    public static string EventTo(string id) => "ev-to:" + id;
    public static string InterruptionFrom(string id) => "int-from:" + id;
    public static string InterruptionTo(string id) => "int-to:" + id;
    public static string Model(string key) => "model:" + key;

    /// <summary>The variant the form describes, or the form's problems (a date or number that does not read).</summary>
    public static (VariantSpec? Spec, IReadOnlyList<string> Problems) Read(IFormCollection form, CatalogEntry entry, Scenario baseScenario)
    {
        var problems = new List<string>();
        var keep = form[Keep].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var remove = new List<string>();
        var moves = new List<VariantMove>();

        DateOnly? ReadDate(string field, string what, DateOnly fallback)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0)
                return fallback;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return day;
            problems.Add($"{what}: '{text}' is not a date (YYYY-MM-DD)");
            return null;
        }

        foreach (var ev in baseScenario.Events)
        {
            if (!keep.Contains(KeepEvent(ev.Id)))
            {
                remove.Add(ev.Id);
                continue;
            }
            if (ev.Date.IsRange)
            {
                var from = ReadDate(EventFrom(ev.Id), $"event {ev.Id}, from", ev.Date.From);
                var to = ReadDate(EventTo(ev.Id), $"event {ev.Id}, to", ev.Date.To);
                if (from is { } f && to is { } t && (f != ev.Date.From || t != ev.Date.To))
                    moves.Add(new VariantMove(ev.Id, true, f, t, true));
            }
            else if (ReadDate(EventDate(ev.Id), $"event {ev.Id}", ev.Date.From) is { } day && day != ev.Date.From)
            {
                moves.Add(new VariantMove(ev.Id, true, day, day, false));
            }
        }

        foreach (var interruption in baseScenario.Interruptions)
        {
            if (!keep.Contains(KeepInterruption(interruption.Id)))
            {
                remove.Add(interruption.Id);
                continue;
            }
            var from = ReadDate(InterruptionFrom(interruption.Id), $"interruption {interruption.Id}, from", interruption.From);
            var to = ReadDate(InterruptionTo(interruption.Id), $"interruption {interruption.Id}, to", interruption.To);
            if (from is { } f && to is { } t && (f != interruption.From || t != interruption.To))
                moves.Add(new VariantMove(interruption.Id, false, f, t, true));
        }

        var model = new List<ModelSetting>();
        foreach (var (key, label, value) in ModelForm.Values(baseScenario.Model))
        {
            var text = form[Model(key)].ToString().Trim();
            if (text.Length == 0)
                continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                problems.Add($"{label}: '{text}' is not a number");
            else if (number != value)
                model.Add(new ModelSetting(key, number));
        }

        var id = form["id"].ToString().Trim();
        var title = form["title"].ToString().Trim();
        var description = form["description"].ToString().Trim();
        // Checked before the id is written into YAML: a newline in it would add fields of its own.
        if (!ScenarioIds.IsValid(id))
            problems.Add($"id: '{ProblemText.Clean(id)}' is not a valid id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        if (problems.Count > 0)
            return (null, problems);
        var spec = new VariantSpec(id, title.Length > 0 ? title : id, description.Length > 0 ? description : null,
            entry.Id, entry.Path, [.. remove], [.. moves], [.. model]);
        return (spec, problems);
    }
}
