using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Ensembles;

/// <summary>The sentence under a band plot that tells a student why the curve could lie anywhere in the bands.</summary>
public static class UncertaintyText
{
    /// <param name="text">The shared strings (Strings.vi.resx).</param>
    public static string Why(EnsembleResult ensemble, DyadBands bands, double width, string language, IStringLocalizer<Strings> text)
    {
        var scenario = ensemble.Deterministic.Scenario;
        var name = PlotNames.Dyad(scenario, bands.Dyad, language);
        var own = scenario.Events.Where(e => DyadSet.DyadsOf(e).Contains(bands.Dyad)).ToList();
        var spans = own.Where(e => e.Date.IsRange).OrderByDescending(e => e.Count ?? 1).ThenBy(e => e.Date.From).ToList();
        var draws = ensemble.Draws;
        var how = text["The line places each such occurrence in the middle of its span; each of the {0} draws puts it on a random day within the span instead (model.md rule 5). Half of the draws lie in the dark band (25–75 %), nine in ten in the light band (5–95 %).", draws].Value;
        if (width < 1e-9)
            return text["Every event that reaches {0} has an exact date, so all {1} draws agree and the curve is certain as far as the dates go. The model's own settings are judgements too: a sweep shows how much they move it.", name, draws].Value;
        if (spans.Count == 0)
            return text["The {0} events between {1} all have exact dates, yet the curve could lie anywhere in the bands: events of related relationships (of their provinces, districts or villages) are known only as a span of dates and spill over onto this one.", own.Count, name].Value + " " + how;
        var example = spans[0];
        var title = example.Title ?? $"{text.Kind(example.Kind)} ({example.Id})";
        var said = example.Count is > 1 and var n
            ? text["{0} of the {1} events between {2} are known only as a span of dates — for example “{3}”, {4} times between {5} and {6}.", spans.Count, own.Count, name, title, n, Display.Day(example.Date.From), Display.Day(example.Date.To)].Value
            : text["{0} of the {1} events between {2} are known only as a span of dates — for example “{3}”, between {4} and {5}.", spans.Count, own.Count, name, title, Display.Day(example.Date.From), Display.Day(example.Date.To)].Value;
        return said + " " + how;
    }
}
