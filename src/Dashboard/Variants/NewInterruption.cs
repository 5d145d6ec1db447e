using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using System.Globalization;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>The editor's "add an interruption" row: days, scope, the share it cancels, how much faster ties fade.</summary>
public static class NewInterruption
{
    public const string Prefix = "int-";

    /// <summary>The fields of the row, in the format's order (each posted as "new-int-FIELD").</summary>
    public static readonly string[] Fields = ["id", "from", "to", "scope", "list", "cancels", "decay", "certainty", "source", "title", "note"];

    public static string Field(string name) => VariantForm.New(Prefix + name);

    /// <summary>The interruption the row describes; null when the row is empty or has problems (added to <paramref name="problems"/>).</summary>
    public static AddedInterruption? Read(IFormCollection form, Scenario baseScenario, Func<string, DateOnly?, DateOnly?> readDate,
        Dictionary<string, string> problems, IStringLocalizer<Strings> words)
    {
        string Text(string name) => form[Field(name)].ToString().Trim();
        void Problem(string name, string message) => problems[Field(name)] = message;
        string? Optional(string name) => Text(name) is { Length: > 0 } text ? text : null;

        var id = Text("id");
        if (id.Length == 0 && Text("from").Length == 0 && Text("to").Length == 0)
            return null;
        var before = problems.Count;
        if (!VariantIds.IsValid(id))
            Problem("id", words["an id is lower-case letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit"]);
        else if (baseScenario.Interruptions.Any(i => i.Id == id) || baseScenario.Events.Any(e => e.Id == id))
            Problem("id", words["'{0}' is taken in the base; give the new interruption another id", id]);
        var from = Text("from").Length == 0 ? null : readDate(Field("from"), null);
        var to = Text("to").Length == 0 ? null : readDate(Field("to"), null);
        if (Text("from").Length == 0)
            Problem("from", words["give the first day"]);
        if (Text("to").Length == 0)
            Problem("to", words["give the last day"]);
        if (from is { } f && to is { } t && t < f)
            Problem("to", words["the interruption ends before it starts"]);

        var list = Text("list").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        string[]? countries = null, actors = null;
        switch (Text("scope"))
        {
            case "" or "all":
                break;
            case "countries":
                var tree = new ActorTree(baseScenario.Actors);
                var known = baseScenario.Actors.Select(a => tree.CountryOf(a.Id)).ToHashSet();
                if (list.Length == 0 || list.FirstOrDefault(c => !known.Contains(c)) is { } unknownCountry)
                    Problem("list", list.Length == 0 ? words["list the countries (ISO codes such as VN, CN)"] : words["no actor of the scenario is in '{0}'", list.First(c => !known.Contains(c))]);
                countries = list;
                break;
            case "actors":
                if (list.Length == 0 || list.Any(a => baseScenario.Actors.All(x => x.Id != a)))
                    Problem("list", list.Length == 0 ? words["list the actor ids"] : words["'{0}' is not an actor of the scenario", list.First(a => baseScenario.Actors.All(x => x.Id != a))]);
                actors = list;
                break;
            default:
                Problem("scope", words["all, countries or actors"]);
                break;
        }
        double? Number(string name, double low, double high, string what)
        {
            if (Optional(name) is not { } text)
                return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= low && value <= high)
                return value;
            Problem(name, words["'{0}' is not {1}", text, words[what]]);
            return null;
        }
        var cancels = Number("cancels", 0, 1, "a share from 0 to 1");
        var decay = Number("decay", 1, double.MaxValue, "a multiplier of at least 1");
        var certainty = Optional("certainty");
        if (certainty is not null && !NewEvent.Certainties.Contains(certainty))
            Problem("certainty", words["reported, inferred or assumed"]);
        var source = Optional("source");
        if (source is not null && baseScenario.Sources.All(s => s.Id != source))
            Problem("source", words["'{0}' is not a source of the scenario", source]);
        if (problems.Count > before || from is null || to is null)
            return null;
        return new AddedInterruption(id, from.Value, to.Value, countries, actors, cancels, decay,
            certainty == "reported" ? null : certainty, source, Optional("title"), Optional("note"));
    }
}
