using System.Globalization;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Ensembles;

/// <summary>The sentence under a band plot that tells a student why the curve could lie anywhere in the bands.</summary>
public static class UncertaintyText
{
    public static string Why(EnsembleResult ensemble, DyadBands bands, double width, string language)
    {
        var scenario = ensemble.Deterministic.Scenario;
        var name = PlotNames.Dyad(scenario, bands.Dyad, language);
        var own = scenario.Events.Where(e => DyadSet.DyadsOf(e).Contains(bands.Dyad)).ToList();
        var spans = own.Where(e => e.Date.IsRange).OrderByDescending(e => e.Count ?? 1).ThenBy(e => e.Date.From).ToList();
        var draws = string.Create(CultureInfo.InvariantCulture, $"{ensemble.Draws} draw{(ensemble.Draws == 1 ? "" : "s")}");
        var how = $"The line places each such occurrence in the middle of its span; each of the {draws} puts it on a random day "
            + "within the span instead (model.md rule 5). Half of the draws lie in the dark band (25–75 %), nine in ten in the light band (5–95 %).";
        if (width < 1e-9)
            return $"Every event that reaches {name} has an exact date, so all {draws} agree and the curve is certain as far as the dates go. "
                + "The model's own settings are judgements too: a sweep shows how much they move it.";
        if (spans.Count == 0)
            return $"The {own.Count} events between {name} all have exact dates, yet the curve could lie anywhere in the bands: events of "
                + "related relationships (of their provinces, districts or villages) are known only as a span of dates and spill over onto this one. " + how;
        var example = spans[0];
        var times = example.Count is > 1 and var n ? $"{n} times " : "";
        return $"{spans.Count} of the {own.Count} events between {name} are known only as a span of dates — for example “{example.ShortTitle}”, "
            + $"{times}between {Day(example.Date.From)} and {Day(example.Date.To)}. " + how;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
