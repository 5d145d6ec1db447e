using Microsoft.Extensions.Localization;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Localization;

/// <summary>
/// The model's and the format's words as a reader reads them (Strings.vi.resx): event kinds, certainty levels, actor
/// kinds, countries, sampling steps and run states. A kind or code a scenario adds itself is shown as written.
/// </summary>
public static class Words
{
    private static readonly HashSet<string> ActorKinds = new(StringComparer.Ordinal)
        { "province", "region", "district", "city", "county", "commune", "village", "organization" };

    /// <summary>An event kind: "chuyến thăm" for visit; a kind a file adds under model.weights as written.</summary>
    public static string Kind(this IStringLocalizer<Strings> words, string kind) => EventKind.Find(kind) is null ? kind : words[kind];

    public static string Certainty(this IStringLocalizer<Strings> words, Certainty certainty) => words[CertaintyWords.Name(certainty)];

    /// <summary>The certainty switch's words: "what the sources report", "with inferences", "with assumptions".</summary>
    public static string Level(this IStringLocalizer<Strings> words, Certainty certainty) => certainty switch
    {
        Model.Scenarios.Certainty.Reported => words["what the sources report"],
        Model.Scenarios.Certainty.Inferred => words["with inferences"],
        _ => words["with assumptions"],
    };

    public static string ActorKind(this IStringLocalizer<Strings> words, string kind) =>
        kind == "border-post" ? words["border post"] : ActorKinds.Contains(kind) ? words[kind] : kind;

    public static string Country(this IStringLocalizer<Strings> words, string? code) => code switch
    {
        "VN" => words["Vietnam"],
        "CN" => words["China"],
        "LA" => words["Laos"],
        _ => code ?? "",
    };

    public static string Step(this IStringLocalizer<Strings> words, SampleStep step) => words[Sampling.Name(step)];

    public static string Mode(this IStringLocalizer<Strings> words, EventMode mode) => words[mode == EventMode.Online ? "online" : "in person"];

    public static string State(this IStringLocalizer<Strings> words, RunState state) => words[Api.RunsApi.StatusName(state)];
}
