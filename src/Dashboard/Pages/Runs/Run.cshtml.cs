using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>
/// The page a person reads for a run: its progress, then the curves with their events, interruptions and agreement
/// terms, a dyad picker, the explanation of any point (model.md rule 7), the border view on a chosen day, and the files.
/// </summary>
public sealed class RunModel(RunService runs, RunArtifacts artifacts, Scenarios.ScenarioCatalog catalog, CertaintyRuns certainty, Variants.WhatIfRunner whatIf,
    IStringLocalizer<RunModel> text, IStringLocalizer<Strings> words, WhyText why) : PageModel
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public string Id { get; private set; } = "";
    public RunStatus Status { get; private set; } = null!;
    public Scenario? Scenario { get; private set; }
    public RunRequest? Started { get; private set; }
    public SeriesResult? Result { get; private set; }
    public string Language { get; private set; } = Views.Language.Default;

    public IReadOnlyList<DyadSeries> Picker { get; private set; } = [];
    public IReadOnlyList<Dyad> Chosen { get; private set; } = [];
    /// <summary>The chart's data (Views/ChartData), as JSON for the page's script.</summary>
    public string ChartJson { get; private set; } = "";

    /// <summary>The server-rendered plot of the chosen dyads, for readers without script and for download.</summary>
    public string PlotFile(string extension) =>
        $"/api/runs/{Id}/plot.{extension}?" + string.Join("&", Chosen.Select(d => "dyad=" + Uri.EscapeDataString(RunPlots.Key(d)))) + "&lang=" + Language;

    public string? ExplainKey { get; private set; }
    public string ExplainDate { get; private set; } = "";
    public Explanation? Explanation { get; private set; }

    /// <summary>Whether the chart shows every certainty level on one plot (<c>?levels=all</c>), not this run's alone.</summary>
    public bool AllLevels { get; private set; }

    /// <summary>With <see cref="AllLevels"/>: each shown dyad's strength at the end and at its peak under each level.</summary>
    public IReadOnlyList<(Dyad Dyad, IReadOnlyList<(Certainty Level, double End, double Peak)> Levels)> LevelTable { get; private set; } = [];

    /// <summary>At most this many dyads in the view of all levels (three curves each).</summary>
    public const int MaxLevelDyads = 3;

    /// <summary>The explanation in sentences (<see cref="WhyText"/>), shown before its table.</summary>
    public IReadOnlyList<WhySentence> Why { get; private set; } = [];
    public string? ExplainProblem { get; private set; }

    /// <summary>How much of each relationship's values rests on assumptions (issue 20), for every dyad of the run.</summary>
    public IReadOnlyDictionary<Dyad, AssumptionShare> Shares { get; private set; } = new Dictionary<Dyad, AssumptionShare>();

    public BorderMap? Border { get; private set; }
    public string BorderDates { get; private set; } = "[]";

    /// <summary>The slider's days as the reader reads them.</summary>
    public string BorderLabels { get; private set; } = "[]";

    public IReadOnlyList<ScenarioEvent> Events { get; private set; } = [];

    /// <summary>The sources the shown events and interruptions cite, in the order first cited.</summary>
    public IReadOnlyList<Source> Sources { get; private set; } = [];

    /// <summary>What the shown curves take from inferences and assumptions: each such event or interruption with its note.</summary>
    public IReadOnlyList<(string What, Certainty Certainty, string? Note)> Assumed { get; private set; } = [];
    public IReadOnlyList<Interruption> Interruptions { get; private set; } = [];
    public IReadOnlyList<(Dyad Dyad, ScenarioEvent Event, DateOnly From, DateOnly? Until)> Terms { get; private set; } = [];

    /// <summary>The what-if editor's address for this run: its scenario's, when a file of the scenarios folder, or the
    /// editor reopened on the variant this run was started from; null when neither (an upload).</summary>
    public string? EditorLink { get; private set; }

    /// <summary>What the picker did with the reader's choice, when it was not simply shown: a default, or trimmed.</summary>
    public string? PickerNote { get; private set; }

    /// <summary>The picker's filters: a country code, an actor kind, part of a name (or id).</summary>
    public (string Country, string Kind, string Name) Filter { get; private set; } = ("", "", "");

    /// <summary>How many relationships the run has in all (the picker may show fewer when filtered).</summary>
    public int AllDyads { get; private set; }

    /// <summary>The countries and kinds the filters offer.</summary>
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Kinds { get; private set; } = [];

    /// <summary>Actors that have a relationship in the run, for links to their pages.</summary>
    public IReadOnlyList<string> ActorIds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string[]? dyad, string? explain, string? date, int? at, string? lang,
        string? country, string? kind, string? name, string? levels)
    {
        AllLevels = levels == "all";
        if (await runs.StatusAsync(id) is not { } status)
            return NotFound();
        if (Views.Language.Problem(lang) is { } badLanguage)
            return BadRequest(badLanguage);
        Id = id;
        Status = status;
        Language = Views.Language.Of(HttpContext);
        Started = await runs.RequestAsync(id);
        Scenario = Started?.Scenario;
        EditorLink = status.ScenarioId is { } scenarioId && catalog.Find(scenarioId) is not null ? $"/whatif/{scenarioId}"
            : whatIf.DraftOf(id) is { } draft && catalog.Find(draft.BaseId) is not null ? $"/whatif/{draft.BaseId}?from={id}" : null;
        if (status.State != RunState.Completed || await runs.ResultAsync(id) is not { } result)
            return Page();

        Result = result;
        Shares = AssumptionShare.All(result).ToDictionary(s => s.Dyad);
        var tree = new ActorTree(result.Scenario.Actors);
        ActorIds = [.. result.Dyads.SelectMany(d => new[] { d.Dyad.A, d.Dyad.B }).Distinct().Order(StringComparer.Ordinal)];
        Countries = [.. ActorIds.Select(a => tree.CountryOf(a) ?? "").Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal)];
        Kinds = [.. ActorIds.Select(a => tree[a].Kind).Distinct().Order(StringComparer.Ordinal)];
        Filter = (country?.Trim() ?? "", kind?.Trim() ?? "", name?.Trim() ?? "");
        bool Matches(string actor) =>
            (Filter.Country.Length == 0 || tree.CountryOf(actor) == Filter.Country)
            && (Filter.Kind.Length == 0 || tree[actor].Kind == Filter.Kind)
            && (Filter.Name.Length == 0 || Name(actor).Contains(Filter.Name, StringComparison.CurrentCultureIgnoreCase)
                || actor.Contains(Filter.Name, StringComparison.OrdinalIgnoreCase));
        var all = RunPlots.ByPeak(result);
        AllDyads = all.Count;
        Picker = [.. all.Where(s => Matches(s.Dyad.A) || Matches(s.Dyad.B))];
        if (RunPlots.Problem(dyad ?? [], result) is { } badDyad)
            return BadRequest(badDyad);
        var asked = (dyad ?? []).Distinct(StringComparer.Ordinal).Count();
        var chosen = RunPlots.Parse(dyad ?? [], result);
        Chosen = chosen.Count > 0 ? chosen : RunPlots.Busiest(result);
        PickerNote = asked == 0
            ? text["The {0} strongest relationships are shown and ticked below (one of each set of identical curves); tick others and press Show these.", Chosen.Count].Value
            : asked > chosen.Count ? text["You chose {0}; only the first {1} are drawn (at most {2} fit one plot).", asked, chosen.Count, RunPlots.MaxChosen].Value : null;
        var timeline = await runs.TimelineAsync(id);
        Explain(result, timeline, explain, date);
        Describe(result, timeline);
        var chart = AllLevels ? await LevelsChartAsync(result) : ChartData.Of(result, Chosen, Language, words, Terms);
        ChartJson = (chart with
        {
            Mark = Explanation is { } shown ? new ChartMark(RunPlots.Key(shown.Dyad), Day(result.Dates.LastOrDefault(d => d <= shown.Day, result.Dates[0]))) : null,
        }).ToJson();

        Border = BorderMap.Of(result, at ?? result.Dates.Count - 1, Language);
        BorderDates = JsonSerializer.Serialize(result.Dates.Select(Day));
        BorderLabels = JsonSerializer.Serialize(result.Dates.Select(Display.Day));
        return Page();
    }

    /// <summary>
    /// Every certainty level on one plot (model.md rule 8): for each shown dyad, the curve of what the sources report
    /// (dotted), with inferences (dashed) and with assumptions (solid, this run when it keeps everything). The filtered
    /// replays are the streaming evaluator's, with this run's step and seed; engines agree to 1e-9.
    /// </summary>
    private async Task<ChartData> LevelsChartAsync(SeriesResult result)
    {
        var shown = Chosen.Take(MaxLevelDyads).ToList();
        var step = Started?.Step ?? SampleStep.Month;
        var seed = Started?.Seed;
        var byLevel = new Dictionary<Certainty, SeriesResult>();
        foreach (var level in Enum.GetValues<Certainty>())
        {
            byLevel[level] = level >= result.Scenario.KeptCertainty ? result
                : await artifacts.GetAsync($"{Id}\nlevel={level}", () => StreamingEvaluator.Evaluate(result.Scenario.KeepingCertainty(level), step, seed),
                    r => 24L * r.Dates.Count * r.Dyads.Count + 256);
        }
        var curves = new List<ChartCurve>();
        var table = new List<(Dyad, IReadOnlyList<(Certainty, double, double)>)>();
        foreach (var (dyad, i) in shown.Select((d, i) => (d, i)))
        {
            var rows = new List<(Certainty, double, double)>();
            foreach (var level in Enum.GetValues<Certainty>())
            {
                var strengths = byLevel[level].Dyads.FirstOrDefault(d => d.Dyad == dyad)?.Strengths ?? [.. result.Dates.Select(_ => 0.0)];
                curves.Add(new ChartCurve(RunPlots.Key(dyad), $"{Relations.Plots.PlotNames.DyadShort(result.Scenario, dyad, Language)} — {words.Level(level)}",
                    [.. strengths.Select(v => Math.Round(v, 9))], i)
                {
                    Dash = level switch { Certainty.Reported => "dotted", Certainty.Inferred => "dashed", _ => null },
                    Explainable = level == Certainty.Assumed,
                });
                rows.Add((level, strengths.Count == 0 ? 0 : strengths[^1], strengths.Select(Math.Abs).DefaultIfEmpty(0).Max()));
            }
            table.Add((dyad, rows));
        }
        LevelTable = table;
        var strengthsAll = curves.SelectMany(c => c.Values);
        return new ChartData(ChartData.SampleDays(result), curves, ChartData.EventsTouching(result.Scenario, shown, Language, words),
            ChartData.Spans(result.Scenario, shown), [], strengthsAll.Any(v => v < -0.05) ? -100 : 0, 100, Explain: true);
    }

    /// <summary>The certainty switch: the same scenario keeping only what is at least as certain as the level chosen.</summary>
    public async Task<IActionResult> OnPostCertaintyAsync(string id, string? level)
    {
        if (CertaintyWords.Parse(level) is not { } chosen)
            return BadRequest(text["level={0}: reported, inferred or assumed.", level ?? ""]);
        if (await certainty.SwitchAsync(id, chosen) is not { } run)
            return BadRequest(text["Run '{0}' cannot be shown at '{1}': its unfiltered run is not known to this dashboard; replay the scenario again.", id, level!]);
        return Redirect($"~/runs/{run}");
    }

    private static ContentResult BadRequest(string reason) =>
        new() { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = reason + "\n" };

    public string Name(string actorId) => PlotNames.Actor(Scenario!, actorId, Language);

    public string DyadName(Dyad dyad) => PlotNames.Dyad(Scenario!, dyad, Language);

    /// <summary>How much of the explained value rests on assumptions (0 without an explanation).</summary>
    public double ExplanationShare => Explanation is { Parts: var (reported, inferred, assumed) } && Scenario is not null
        ? new CertaintyParts([reported], [inferred], [assumed]).AssumedShare(0, Scenario.Model)
        : 0;

    /// <summary>The assumed share of a border tie's strength on the border view's day.</summary>
    public double BorderShare(BorderTie tie) =>
        Result is null || Border is null ? 0 : AssumptionShare.At(Result, new Dyad(tie.Vietnamese.Id, tie.Partner.Id), Border.SampleIndex);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Peak(DyadSeries series) => Display.Number(series.Strengths.Select(Math.Abs).DefaultIfEmpty(0).Max(), "0.0");

    /// <summary>This page's query with <paramref name="name"/> set to <paramref name="value"/> (or removed when null), encoded.</summary>
    public string WithQuery(string name, string? value) =>
        string.Join("&", Keep(name).Concat(value is null ? [] : new[] { (Name: name, Value: value) })
            .Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));

    /// <summary>The query of this page without <paramref name="except"/>: what a form must carry to keep the reader's other choices.</summary>
    public IEnumerable<(string Name, string Value)> Keep(params string[] except) =>
        Request.Query.Where(q => !except.Contains(q.Key)).SelectMany(q => q.Value.Select(v => (q.Key, v ?? "")));

    /// <summary>An SVG text element; Razor reserves &lt;text&gt; inside code blocks, so it is written here, encoded.</summary>
    public static IHtmlContent SvgText(double x, double y, string text, string? anchor = null, string? cssClass = null, string? title = null) =>
        new HtmlString(string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.0}\" y=\"{y:0.0}\"{(anchor is null ? "" : $" text-anchor=\"{anchor}\"")}{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{(title is null ? "" : $"<title>{Encoder.Encode(title)}</title>")}{Encoder.Encode(text)}</text>"));

    /// <summary>
    /// An actor's label on the border view: without a long name's trailing remark ("… (unnamed in source)"), which
    /// would not fit beside the frontier; the whole name is its tooltip.
    /// </summary>
    public static IHtmlContent BorderLabel(BorderActor actor, bool left) =>
        PlotNames.WithoutRemark(actor.Name) is var label && label != actor.Name
            ? SvgText(BorderMap.AnchorX(actor, left), actor.Y, label, anchor: left ? "end" : null, title: actor.Name)
            : SvgText(BorderMap.AnchorX(actor, left), actor.Y, actor.Name, anchor: left ? "end" : null);

    public Source? SourceOf(string id) => Scenario!.Sources.FirstOrDefault(s => s.Id == id);

    /// <summary>Only web addresses become links: a scenario's url could be javascript: or data:.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public string Describe(ExplanationLine line) => line.Kind switch
    {
        ContributionKind.Impulse => text["impulse"],
        ContributionKind.Standing => text["standing tie in force"],
        ContributionKind.SpillDown => text["spilled down from {0}", DyadName(line.From!.Value)],
        _ => text["spilled up from {0}", DyadName(line.From!.Value)],
    };

    private void Explain(SeriesResult result, ScenarioTimeline? timeline, string? explain, string? date)
    {
        ExplainKey = explain ?? RunPlots.Key(Chosen.FirstOrDefault(result.Dyads[0].Dyad));
        ExplainDate = date ?? Day(result.Dates[^1]);
        if (explain is null || timeline is null)
            return;
        var dyads = RunPlots.Parse([explain], result);
        if (dyads.Count == 0)
        {
            ExplainProblem = text["The run has no relationship '{0}'.", explain];
            return;
        }
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ExplainProblem = text["'{0}' is not a date (YYYY-MM-DD).", date ?? ""];
            return;
        }
        Explanation = Explanation.Of(timeline, dyads[0], day);
        Why = why.Of(Explanation, timeline, DyadName);
    }

    private void Describe(SeriesResult result, ScenarioTimeline? timeline)
    {
        var scenario = result.Scenario;
        var chosen = Chosen.ToHashSet();
        Events = [.. scenario.Events
            .Where(e => DyadSet.DyadsOf(e).Any(chosen.Contains))
            .OrderBy(e => e.Date.From).ThenBy(e => e.Id, StringComparer.Ordinal)];
        var tree = new ActorTree(scenario.Actors);
        Interruptions = [.. scenario.Interruptions.Where(i => Chosen.Any(d => StrengthModel.Applies(i, d, tree)))];
        Sources = [.. Events.SelectMany(e => e.Sources).Concat(Interruptions.SelectMany(i => i.Sources)).Distinct(StringComparer.Ordinal)
            .Select(SourceOf).OfType<Source>()];
        Assumed = [.. Events.Where(e => e.Certainty != Certainty.Reported)
                .Select(e => (e.Title ?? e.Id, e.Certainty, e.Note))
            .Concat(Interruptions.Where(i => (i.Certainty ?? Certainty.Reported) != Certainty.Reported)
                .Select(i => (i.Title ?? i.Id, i.Certainty ?? Certainty.Reported, i.Note)))
            .OrderByDescending(a => a.Item2)];
        if (timeline is null)
            return;
        var events = scenario.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Terms = [.. Chosen
            .Where(timeline.Dyads.ContainsKey)
            .SelectMany(d => timeline.Dyads[d].Contributions
                .Where(c => c.Kind == ContributionKind.Standing)
                .Select(c => (d, events[c.EventId], c.Day, c.Until)))
            .OrderBy(t => t.Item3).ThenBy(t => t.d)];
    }
}
