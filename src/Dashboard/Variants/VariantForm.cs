using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using System.Globalization;
using System.Text.Json;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>
/// The what-if editor's form over a base scenario: which events and interruptions are kept, their dates, the events
/// added and the model parameters. Reading it keeps only what differs from the base, so a variant says exactly what
/// changed. Problems are keyed by the form field they belong to, so the page shows each beside its field.
/// </summary>
public static class VariantForm
{
    public const string Keep = "keep";
    public const string Added = "added";
    public const string AddedInterruptions = "added-int";
    public const string NewPrefix = "new-";

    public static string KeepEvent(string id) => "e:" + id;
    public static string KeepInterruption(string id) => "i:" + id;
    public static string KeepAdded(string id) => "a:" + id;
    public static string KeepAddedInterruption(string id) => "ai:" + id;
    public static string EventDate(string id) => "ev-date:" + id;
    public static string EventFrom(string id) => "ev-from:" + id;
    public static string EventTo(string id) => "ev-to:" + id;
    public static string InterruptionFrom(string id) => "int-from:" + id;
    public static string InterruptionTo(string id) => "int-to:" + id;
    public static string Model(string key) => "model:" + key;
    public static string New(string field) => NewPrefix + field;

    /// <summary>The fields of the new-event row, in the format's order.</summary>
    public static readonly string[] NewFields =
        ["id", "date", "to", "count", "kind", "a", "b", "mode", "weight", "term-until", "term-years", "certainty", "source", "title", "note"];

    /// <summary>The added events carried between posts (a hidden field), so a trainer can add one after another.</summary>
    public static string Serialize<T>(IEnumerable<T> added) => JsonSerializer.Serialize(added.ToArray());

    /// <summary>The variant the form describes, or the form's problems by field (a date or number that does not read).</summary>
    public static (VariantSpec? Spec, IReadOnlyDictionary<string, string> Problems) Read(IFormCollection form, CatalogEntry entry, Scenario baseScenario,
        IStringLocalizer<Strings> words)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = form[Keep].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var remove = new List<string>();
        var moves = new List<VariantMove>();
        var period = baseScenario.Period;

        DateOnly? ReadDate(string field, DateOnly? fallback)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0)
                return fallback;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                problems[field] = words["'{0}' is not a date (YYYY-MM-DD)", text];
            else if (day < period.From || day > period.To)
                problems[field] = words["{0} is outside the scenario's period, {1} to {2}: it would have no effect", text, Display.Day(period.From), Display.Day(period.To)];
            else
                return day;
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
                var from = Changed(form, EventFrom(ev.Id), ev.Date.From) ? ReadDate(EventFrom(ev.Id), null) : ev.Date.From;
                var to = Changed(form, EventTo(ev.Id), ev.Date.To) ? ReadDate(EventTo(ev.Id), null) : ev.Date.To;
                if (from is { } f && to is { } t && (f != ev.Date.From || t != ev.Date.To))
                    moves.Add(new VariantMove(ev.Id, true, f, t, true));
            }
            else if (Changed(form, EventDate(ev.Id), ev.Date.From) && ReadDate(EventDate(ev.Id), null) is { } day)
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
            var from = Changed(form, InterruptionFrom(interruption.Id), interruption.From) ? ReadDate(InterruptionFrom(interruption.Id), null) : interruption.From;
            var to = Changed(form, InterruptionTo(interruption.Id), interruption.To) ? ReadDate(InterruptionTo(interruption.Id), null) : interruption.To;
            if (from is { } f && to is { } t && (f != interruption.From || t != interruption.To))
                moves.Add(new VariantMove(interruption.Id, false, f, t, true));
        }

        var added = new List<AddedEvent>();
        var carried = form[Added].ToString();
        if (carried.Length > 0)
            added.AddRange((Carried<AddedEvent>(carried, problems, words) ?? []).Where(a => keep.Contains(KeepAdded(a.Id))));
        if (NewEvent.Read(form, baseScenario, ReadDate, problems, words) is { } fresh)
        {
            if (added.Any(a => a.Id == fresh.Id) || baseScenario.Events.Any(e => e.Id == fresh.Id))
                problems[New("id")] = words["an event '{0}' exists already; give the new one another id", fresh.Id];
            else
                added.Add(fresh);
        }

        var addedInterruptions = new List<AddedInterruption>();
        var carriedInterruptions = form[AddedInterruptions].ToString();
        if (carriedInterruptions.Length > 0)
        {
            addedInterruptions.AddRange((Carried<AddedInterruption>(carriedInterruptions, problems, words) ?? [])
                .Where(a => keep.Contains(KeepAddedInterruption(a.Id))));
        }
        if (NewInterruption.Read(form, baseScenario, ReadDate, problems, words) is { } freshInterruption)
        {
            if (addedInterruptions.Any(a => a.Id == freshInterruption.Id))
                problems[NewInterruption.Field("id")] = words["an interruption '{0}' is added already", freshInterruption.Id];
            else
                addedInterruptions.Add(freshInterruption);
        }

        var model = new List<ModelSetting>();
        foreach (var (key, _, _, value) in ModelForm.Values(baseScenario.Model))
        {
            var text = form[Model(key)].ToString().Trim();
            if (text.Length == 0)
                continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                problems[Model(key)] = words["'{0}' is not a number", text];
            else if (number != value)
                model.Add(new ModelSetting(key, number));
        }

        var id = form["id"].ToString().Trim();
        var title = form["title"].ToString().Trim();
        var description = form["description"].ToString().Trim();
        // Checked before the id is written into YAML: a newline in it would add fields of its own.
        if (!ScenarioIds.IsValid(id))
            problems["id"] = words["'{0}' is not a valid id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit", ProblemText.Clean(id)];
        if (problems.Count > 0)
            return (null, problems);
        var spec = new VariantSpec(id, title.Length > 0 ? title : id, description.Length > 0 ? description : null,
            entry.Id, entry.Path, [.. remove], [.. moves], [.. model]) { Add = [.. added], AddInterruptions = [.. addedInterruptions] };
        return (spec, problems);
    }

    /// <summary>Rows carried in a hidden field; a field edited by hand into something unreadable is a problem, not a 500.</summary>
    private static T[]? Carried<T>(string json, Dictionary<string, string> problems, IStringLocalizer<Strings> words)
    {
        try
        {
            return JsonSerializer.Deserialize<T[]>(json);
        }
        catch (JsonException)
        {
            problems[New("id")] = words["the added rows carried by the form could not be read; add them again"];
            return null;
        }
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date field counts as changed only when it holds something other than the base's date.</summary>
    private static bool Changed(IFormCollection form, string field, DateOnly baseDay)
    {
        var text = form[field].ToString().Trim();
        return text.Length > 0 && text != Day(baseDay);
    }
}
