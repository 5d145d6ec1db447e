using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using System.Globalization;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>The editor's "add an event" row: every field of the format's event, one dyad, checked field by field.</summary>
public static class NewEvent
{
    public static readonly string[] Certainties = ["reported", "inferred", "assumed"];

    /// <summary>The event the row describes; null when the row is empty (nothing to add) or has problems (added to <paramref name="problems"/>).</summary>
    public static AddedEvent? Read(IFormCollection form, Scenario baseScenario, Func<string, DateOnly?, DateOnly?> readDate,
        Dictionary<string, string> problems, IStringLocalizer<Strings> words)
    {
        string Field(string name) => form[VariantForm.New(name)].ToString().Trim();
        void Problem(string name, string message) => problems[VariantForm.New(name)] = message;
        string? Optional(string name) => Field(name) is { Length: > 0 } text ? text : null;

        var id = Field("id");
        var dateText = Field("date");
        var a = Field("a");
        var b = Field("b");
        if (id.Length == 0 && dateText.Length == 0 && a.Length == 0 && b.Length == 0)
            return null;
        var before = problems.Count;
        if (!VariantIds.IsValid(id))
            Problem("id", words["an id is lower-case letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit"]);
        var from = dateText.Length == 0 ? null : readDate(VariantForm.New("date"), null);
        if (dateText.Length == 0)
            Problem("date", words["give the event's date"]);
        var to = Optional("to") is null ? null : readDate(VariantForm.New("to"), null);
        if (from is { } f && to is { } t && t < f)
            Problem("to", words["the range ends before it starts"]);
        var kind = Field("kind");
        if (!baseScenario.Model.IsKnownKind(kind))
            Problem("kind", words["'{0}' is not a kind of this scenario's model", kind]);
        foreach (var (side, actor) in new[] { ("a", a), ("b", b) })
        {
            if (baseScenario.Actors.All(x => x.Id != actor))
                Problem(side, actor.Length == 0 ? words["choose an actor"] : words["'{0}' is not an actor of the scenario", actor]);
        }
        if (a.Length > 0 && a == b)
            Problem("b", words["an event is between two different actors"]);
        int? count = null;
        if (Optional("count") is { } countText)
        {
            if (to is null)
                Problem("count", words["a count needs a date range (give 'to')"]);
            else if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                Problem("count", words["'{0}' is not a whole number of at least 1", countText]);
            else
                count = n;
        }
        double? weight = null;
        if (Optional("weight") is { } weightText)
        {
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
                Problem("weight", words["'{0}' is not a number", weightText]);
            else
                weight = w;
        }
        var termUntil = Optional("term-until") is null ? null : readDate(VariantForm.New("term-until"), null);
        int? termYears = null;
        if (Optional("term-years") is { } yearsText)
        {
            if (!int.TryParse(yearsText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1)
                Problem("term-years", words["'{0}' is not a whole number of years, at least 1", yearsText]);
            else
                termYears = y;
        }
        if ((termUntil is not null || termYears is not null) && !EventKind.HoldsTie(kind))
            Problem("term-until", words["only an agreement or a twinning has a term"]);
        if (termUntil is not null && termYears is not null)
            Problem("term-years", words["give the term as an end date or as years, not both"]);
        var certainty = Optional("certainty");
        if (certainty is not null && !Certainties.Contains(certainty))
            Problem("certainty", words["reported, inferred or assumed"]);
        var source = Field("source");
        if (baseScenario.Sources.All(s => s.Id != source))
            Problem("source", words["choose the source the event comes from (every event cites one)"]);
        var mode = Field("mode");
        if (mode is not ("" or "in-person" or "online"))
            Problem("mode", words["in-person or online"]);
        if (problems.Count > before || from is null)
            return null;
        return new AddedEvent(id, kind, a, b, from.Value, to, count, mode == "online", weight, termUntil, termYears,
            certainty == "reported" ? null : certainty, source, Optional("title"), Optional("note"));
    }
}
