using System.Text.Json;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Views;

/// <summary>
/// What an interactive chart (Assets/charts.js) draws, written into the page as JSON: the sample days, the curves,
/// the ensemble bands, the events with each occurrence's cancelled share, the interruptions (full or partial) and the
/// standing ties. Values are the run's own numbers (those of series.csv); texts are in the page's language.
/// </summary>
public sealed record ChartData(
    IReadOnlyList<string> Dates,
    IReadOnlyList<ChartCurve> Curves,
    IReadOnlyList<ChartEvent> Events,
    IReadOnlyList<ChartSpan> Interruptions,
    IReadOnlyList<ChartTie> Ties,
    double Min,
    double Max,
    bool Explain)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The 5–95 % and 25–75 % bands of an ensemble, when the chart shows one.</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>The point being explained (a dyad's key and a sample day), marked on its curve; null when none.</summary>
    public ChartMark? Mark { get; init; }

    /// <summary>The y axis's title (an English key of Strings.vi.resx the script looks up).</summary>
    public string Axis { get; init; } = "Strength S";

    /// <summary>The JSON the page embeds (safe inside a script element: &lt; and &gt; are escaped).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The run page's chart: the chosen dyads' strengths (one dyad also with its score R on a second axis), the events
    /// touching them, the interruptions applying to them and their standing ties; a click explains a point.
    /// </summary>
    public static ChartData Of(SeriesResult result, IReadOnlyList<Dyad> chosen, string language, IStringLocalizer<Strings> words,
        IEnumerable<(Dyad Dyad, ScenarioEvent Event, DateOnly From, DateOnly? Until)> ties)
    {
        var curves = chosen.Select((dyad, i) => Curve(result, dyad, i, language)).ToList();
        if (chosen.Count == 1)
        {
            var series = result.Dyads.First(d => d.Dyad == chosen[0]);
            curves.Add(new ChartCurve(RunPlots.Key(chosen[0]), words["Score R"] + " — " + PlotNames.DyadShort(result.Scenario, chosen[0], language),
                Round(series.Scores), 0) { Axis = "score", Dash = "dotted", Explainable = false, Assumed = Shares(CurveShares.OfScore(series)) });
        }
        var strengths = chosen.SelectMany(d => result.Dyads.First(s => s.Dyad == d).Strengths);
        return new ChartData(SampleDays(result), curves, EventsTouching(result.Scenario, chosen, language, words), Spans(result.Scenario, chosen),
            [.. ties.Select(t => new ChartTie(RunPlots.Key(t.Dyad), Title(t.Event, words), Display.Iso(t.From), t.Until is { } u ? Display.Iso(u) : null))],
            strengths.Any(s => s < -0.05) ? -100 : 0, 100, Explain: true);
    }

    /// <summary>
    /// The comparison's chart: for each dyad, the base (solid) and the variant (dashed) in one colour, and their
    /// difference ΔS = S(variant) − S(base) in a panel underneath; the interruptions of either, marked whose they are.
    /// </summary>
    public static ChartData Compare(SeriesResult baseResult, SeriesResult variant, IReadOnlyList<Dyad> dyads, string language, IStringLocalizer<Strings> words)
    {
        var curves = new List<ChartCurve>();
        var index = variant.Dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        foreach (var (dyad, i) in dyads.Select((d, i) => (d, i)))
        {
            var name = PlotNames.DyadShort(baseResult.Scenario, dyad, language);
            var before = baseResult.Dyads.FirstOrDefault(d => d.Dyad == dyad);
            var after = variant.Dyads.FirstOrDefault(d => d.Dyad == dyad);
            var b = before?.Strengths.ToList() ?? [.. baseResult.Dates.Select(_ => 0.0)];
            var v = baseResult.Dates.Select(d => after is not null && index.TryGetValue(d, out var k) ? after.Strengths[k] : 0.0).ToList();
            var baseShares = before is null ? null : Shares(CurveShares.OfStrength(before, baseResult.Scenario.Model));
            var variantShares = after is null ? null : Shares([.. baseResult.Dates.Select(d =>
                index.TryGetValue(d, out var k) ? after.Parts.AssumedShare(k, variant.Scenario.Model) : 0.0)]);
            curves.Add(new ChartCurve(RunPlots.Key(dyad), words["{0} (base)", name], Round(b), i) { Explainable = false, Assumed = baseShares });
            curves.Add(new ChartCurve(RunPlots.Key(dyad), words["{0} (variant)", name], Round(v), i) { Dash = "dashed", Explainable = false, Assumed = variantShares });
            curves.Add(new ChartCurve(RunPlots.Key(dyad), words["{0}: ΔS", name], Round([.. v.Zip(b, (x, y) => x - y)]), i) { Axis = "delta", Explainable = false });
        }
        var strengths = curves.Where(c => c.Axis is null).SelectMany(c => c.Values);
        var baseSpans = Spans(baseResult.Scenario, dyads);
        var variantSpans = Spans(variant.Scenario, dyads);
        var spans = baseSpans.Where(s => variantSpans.Contains(s))
            .Concat(baseSpans.Except(variantSpans).Select(s => s with { Title = words["{0} (base only)", s.Title] }))
            .Concat(variantSpans.Except(baseSpans).Select(s => s with { Title = words["{0} (variant only)", s.Title] }));
        return new ChartData(SampleDays(baseResult), curves, EventsTouching(variant.Scenario, dyads, language, words), [.. spans], [],
            strengths.Any(s => s < -0.05) ? -100 : 0, 100, Explain: false);
    }

    /// <summary>
    /// An ensemble's chart of one dyad: the deterministic replay's curve over the 5–95 % (light) and 25–75 % (dark) bands
    /// of the draws' strengths, with the dyad's events and interruptions.
    /// </summary>
    public static ChartData ForBands(SeriesResult deterministic, Relations.Model.Ensembles.DyadBands band, string language, IStringLocalizer<Strings> words)
    {
        var curve = Curve(deterministic, band.Dyad, 0, language) with { Explainable = false };
        IReadOnlyList<double> Q(int percent) => Round(band.Quantile(percent));
        var low = new[] { band.Quantile(5), curve.Values }.SelectMany(v => v).DefaultIfEmpty(0).Min();
        return new ChartData(SampleDays(deterministic), [curve], EventsTouching(deterministic.Scenario, [band.Dyad], language, words),
            Spans(deterministic.Scenario, [band.Dyad]), [], low < -0.05 ? -100 : 0, 100, Explain: false)
        {
            Bands = [new ChartBand(curve.Key, curve.Name, 0, Q(5), Q(25), Q(75), Q(95))],
        };
    }

    /// <summary>
    /// One dyad's strength curve, named in the page's language, with the colour of its place and the share of each value
    /// that rests on assumptions (drawn thin and light where it is more than half).
    /// </summary>
    public static ChartCurve Curve(SeriesResult result, Dyad dyad, int color, string language, string? name = null)
    {
        var series = result.Dyads.First(d => d.Dyad == dyad);
        return new(RunPlots.Key(dyad), name ?? PlotNames.DyadShort(result.Scenario, dyad, language), Round(series.Strengths), color)
        {
            Assumed = Shares(CurveShares.OfStrength(series, result.Scenario.Model)),
        };
    }

    /// <summary>Assumption shares for the script (docs/model.md, "Certainty parts"), to four digits: a reader reads whole percent.</summary>
    private static IReadOnlyList<double> Shares(IReadOnlyList<double> shares) => [.. shares.Select(s => Math.Round(s, 4))];

    public static IReadOnlyList<string> SampleDays(SeriesResult result) => [.. result.Dates.Select(Display.Iso)];

    /// <summary>The events touching <paramref name="dyads"/>, placed as the deterministic replay placed them.</summary>
    public static IReadOnlyList<ChartEvent> EventsTouching(Scenario scenario, IReadOnlyCollection<Dyad> dyads, string language, IStringLocalizer<Strings> words) =>
        [.. EventMarks.Touching(scenario, dyads).Select(mark => new ChartEvent(
            mark.Event.Id,
            Title(mark.Event, words) + (mark.Event.Date.IsRange && mark.Days.Count == 1 ? " (≈)" : "") + (mark.Days.Count > 1 ? $" (×{mark.Days.Count})" : ""),
            words.Kind(mark.Event.Kind),
            EventKind.HoldsTie(mark.Event.Kind),
            [.. mark.Days.Select(Display.Iso)],
            [.. mark.CancelledShare.Select(s => Math.Round(s, 4))]))];

    /// <summary>The interruptions applying to any of <paramref name="dyads"/>, with their cancelled share and fading.</summary>
    public static IReadOnlyList<ChartSpan> Spans(Scenario scenario, IReadOnlyCollection<Dyad> dyads)
    {
        var tree = new ActorTree(scenario.Actors);
        return [.. scenario.Interruptions
            .Where(i => dyads.Any(d => EventMarks.AppliesSafely(i, d, tree)))
            .Select(i => new ChartSpan(i.Id, i.Title ?? i.Id, Display.Iso(i.From), Display.Iso(i.To), i.Cancels,
                i.DecayMultiplier ?? scenario.Model.InterruptionDecayMultiplier))];
    }

    private static string Title(ScenarioEvent ev, IStringLocalizer<Strings> words) => ev.Title ?? $"{words.Kind(ev.Kind)} ({ev.Id})";

    /// <summary>Values as series.csv would round-trip them, cut to 1e-9 (far below what a reader or a test compares).</summary>
    private static IReadOnlyList<double> Round(IReadOnlyList<double> values) => [.. values.Select(v => Math.Round(v, 9))];
}

/// <summary>One line of a chart: its key (a dyad's "a~b"), name, values (one per sample day) and colour index.</summary>
public sealed record ChartCurve(string Key, string Name, IReadOnlyList<double> Values, int Color)
{
    /// <summary>Which y axis: null for the strength, "score" for R on the right, "delta" for the difference panel.</summary>
    public string? Axis { get; init; }

    /// <summary>"dashed" or "dotted"; null for a solid line.</summary>
    public string? Dash { get; init; }

    /// <summary>Whether a click near it explains it (a strength curve of a run).</summary>
    public bool Explainable { get; init; } = true;

    /// <summary>
    /// The share of each value that rests on assumptions (docs/model.md, "Certainty parts"), one per sample day; the
    /// script draws the stretches where it is more than half thin and light, and the hover gives it. Null: not known.
    /// </summary>
    public IReadOnlyList<double>? Assumed { get; init; }
}

/// <summary>A point of a curve the page is about (the one being explained).</summary>
public sealed record ChartMark(string Key, string Date);

/// <summary>An ensemble's bands around one dyad's curve.</summary>
public sealed record ChartBand(string Key, string Name, int Color, IReadOnlyList<double> P05, IReadOnlyList<double> P25,
    IReadOnlyList<double> P75, IReadOnlyList<double> P95);

/// <summary>An event: its title and kind as the reader reads them, the days it fell on and each day's cancelled share.</summary>
public sealed record ChartEvent(string Id, string Title, string Kind, bool Tie, IReadOnlyList<string> Days, IReadOnlyList<double> Cancelled);

/// <summary>An interruption: first and last day, the share of in-person activity it cancels (1: full) and its fading.</summary>
public sealed record ChartSpan(string Id, string Title, string From, string To, double Cancels, double Decay);

/// <summary>A standing tie in force on a dyad from a day until an exclusive end (null: to the end of the period).</summary>
public sealed record ChartTie(string Dyad, string Title, string From, string? Until);
