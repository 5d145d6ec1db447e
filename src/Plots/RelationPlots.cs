using System.Globalization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using ScottPlot;

namespace Relations.Plots;

/// <summary>Plots of how relationship strength develops: a scenario overview, one dyad in detail, and base-versus-variant.</summary>
public static partial class RelationPlots
{
    private static readonly Color StrengthColor = new("#1f77b4");
    private static readonly Color ScoreColor = new("#d95f02");

    /// <summary>
    /// Strength S of the scenario's dyads over time: at most <see cref="PlotOptions.MaxDyads"/> curves (those with the
    /// highest peak |S|), interruptions shaded, and the key events marked, preferring agreements, twinnings and heavy events.
    /// </summary>
    public static Plot Overview(SeriesResult result, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var scenario = result.Scenario;
        var curves = CurveGroup.Of(result.Dyads)
            .OrderByDescending(g => g.Peak).ThenBy(g => g.Dyads[0])
            .ToList();
        var shown = curves.Where(g => g.Peak > 0).Take(options.MaxDyads).ToList();
        if (shown.Count == 0)
            shown = [.. curves.Take(options.MaxDyads)];

        var caption = options.Caption ?? Caption(scenario, [.. shown.SelectMany(g => g.Dyads)]);
        var dyadCount = result.Dyads.Count;
        var shownCount = shown.Sum(g => g.Dyads.Count);
        if (shown.Count < curves.Count)
            caption += $"\nShowing the {shown.Count} curves with the highest peak |S| ({shownCount} of {dyadCount} dyads)";
        else if (shown.Count < dyadCount)
            caption += $"\nAll {dyadCount} dyads; dyads whose curves coincide share one line";
        var plot = new StrengthPlot(scenario.Period, options, scenario.Title, caption);
        SetStrengthRange(plot, shown.SelectMany(g => g.Series.Strengths));


        for (var i = 0; i < shown.Count; i++)
        {
            var group = shown[i];
            var name = PlotNames.DyadShort(scenario, group.Dyads[0], options.Language);
            if (group.Dyads.Count > 1)
                name += $" (+{group.Dyads.Count - 1} alike)";
            plot.AddCurve(result.Dates, group.Series.Strengths, CurveColors.Get(i), name, LinePattern.Solid,
                assumedShares: CurveShares.OfStrength(group.Series, scenario.Model));
        }

        var dyads = shown.SelectMany(g => g.Dyads).ToList();
        ShadeInterruptions(plot, scenario, dyads);

        var marks = EventMarks.MergeAlike(EventMarks.Touching(scenario, dyads));
        var key = EventMarks.MostImportant(marks, options.MaxEventLabels);
        foreach (var mark in key)
            plot.AddEvent(mark, MarkerStyle.Of(mark), 26);
        AddTicks(plot, marks.Except(key));

        ShowLegendBelow(plot.Plot, options);
        return plot.Finish(maxLanes: 4, demoteUnlabelled: true);
    }

    /// <summary>
    /// One dyad's strength S with every one of its events marked and labelled, the interruptions that apply to it
    /// shaded, each standing tie's term as a bar under the curve, and (optionally) its score R on a right-hand axis.
    /// </summary>
    /// <exception cref="ArgumentException">The result has no series for <paramref name="dyad"/>.</exception>
    public static Plot ForDyad(SeriesResult result, Dyad dyad, PlotOptions? options = null)
    {
        options ??= PlotOptions.Default;
        var scenario = result.Scenario;
        var series = result.Dyads.FirstOrDefault(d => d.Dyad == dyad)
            ?? throw new ArgumentException($"the result has no series for the dyad {dyad}", nameof(dyad));

        var caption = options.Caption ?? $"{scenario.Title}\n{Caption(scenario, [dyad])}";
        var plot = new StrengthPlot(scenario.Period, options, PlotNames.Dyad(scenario, dyad, options.Language), caption);
        SetStrengthRange(plot, series.Strengths);
        plot.AddCurve(result.Dates, series.Strengths, StrengthColor, "Strength S", LinePattern.Solid, 3f,
            CurveShares.OfStrength(series, scenario.Model));
        if (options.ShowScore)
            plot.AddScore(result.Dates, series.Scores, ScoreColor, CurveShares.OfScore(series));
        ShadeInterruptions(plot, scenario, [dyad]);

        var marks = EventMarks.Touching(scenario, [dyad]);
        // Every event gets a marker, up to what the label lanes could ever hold; the rest are ticks.
        var marked = EventMarks.MostImportant(marks, options.MaxDyadEventLabels)
            .Concat(marks.Where(m => m.AllCancelled).Take(options.MaxDyadEventLabels))
            .ToList();
        foreach (var mark in marked)
            plot.AddEvent(mark, MarkerStyle.Of(mark), 34);
        AddTicks(plot, marks.Except(marked));
        var rules = new EventRules(scenario);
        foreach (var mark in marks.Where(m => m.IsStanding).OrderBy(m => m.Days[0]))
        {
            var rule = rules.Of(mark.Event);
            for (var i = 0; i < mark.Days.Count; i++)
            {
                if (mark.Cancelled[i] || !rule.HoldsTie)
                    continue;
                var until = rule.TieUntil(mark.Days[i], scenario.Model);
                plot.AddTerm(mark.Days[i], until, TermLabel(mark.Event, mark.Days[i], until), MarkerStyle.Of(mark).Color,
                    assumed: rule.TieLevel == Certainty.Assumed);
            }
        }
        AddSpillEvents(plot, scenario, dyad, marks.Select(m => m.Event).ToHashSet(), maxLabels: 3);

        ShowLegendBelow(plot.Plot, options);
        return plot.Finish(maxLanes: 6, demoteUnlabelled: true);
    }

    /// <summary>
    /// For trainers: base (solid) against variant (dashed) for every dyad whose strength differs, one colour per dyad,
    /// above a panel of the difference S(variant) − S(base). Save it with <see cref="SavePng(Multiplot, string, int, int)"/> or <see cref="SaveSvg(Multiplot, string, int, int)"/>.
    /// </summary>
    public static Multiplot Compare(SeriesResult baseResult, SeriesResult other, PlotOptions? options = null) =>
        ComparisonPlot.Build(baseResult, other, options ?? PlotOptions.Default);

    /// <summary>
    /// What the plot of <paramref name="dyads"/> shows, in words: the half-life, then what each kind of shaded span does
    /// there — an interruption that cancels in-person events in full, a restriction that cancels a share — with the
    /// shares and how much faster ties fade, as the scenario sets them (not always "cancelled, fading 2×").
    /// </summary>
    internal static string Caption(Scenario scenario, IReadOnlyCollection<Dyad> dyads)
    {
        var model = scenario.Model;
        var text = string.Create(CultureInfo.InvariantCulture, $"S rises with each exchange and fades with a half-life of {model.HalfLifeDays:0.#} days");
        var tree = new ActorTree(scenario.Actors);
        var shaded = scenario.Interruptions.Where(i => dyads.Any(d => EventMarks.AppliesSafely(i, d, tree))).ToList();
        string Fading(IEnumerable<Interruption> spans) => string.Join(" or ", spans
            .Select(i => (i.DecayMultiplier ?? model.InterruptionDecayMultiplier).ToString("0.#", CultureInfo.InvariantCulture) + "×").Distinct());
        var full = shaded.Where(i => i.Cancels >= 1.0).ToList();
        if (full.Count > 0)
            text += $"; shaded red: interruption (in-person events cancelled, ties fading {Fading(full)} as fast)";
        var partial = shaded.Where(i => i.Cancels < 1.0).ToList();
        if (partial.Count > 0)
        {
            var shares = string.Join(" or ", partial.Select(i => (i.Cancels * 100).ToString("0", CultureInfo.InvariantCulture) + " %").Distinct());
            text += $"; dashed orange: restriction ({shares} of in-person activity cancelled, ties fading {Fading(partial)} as fast)";
        }
        return text;
    }

    internal static void SetStrengthRange(StrengthPlot plot, IEnumerable<double> strengths)
    {
        if (strengths.Any(s => s < -0.05))
            plot.SetRange(-100, 100, [-100, -75, -50, -25, 0, 25, 50, 75, 100]);
        else
            plot.SetRange(0, 100, [0, 20, 40, 60, 80, 100]);
    }

    internal static void ShadeInterruptions(StrengthPlot plot, Scenario scenario, IReadOnlyCollection<Dyad> dyads)
    {
        var tree = new ActorTree(scenario.Actors);
        foreach (var interruption in scenario.Interruptions)
        {
            if (dyads.Any(d => EventMarks.AppliesSafely(interruption, d, tree)))
                plot.ShadeInterruption(interruption);
        }
    }

    /// <summary>A legend under the x axis, in rows that wrap, in the plot's font.</summary>
    internal static void ShowLegendBelow(Plot plot, PlotOptions options)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontSize = options.FontSize - 1;
        plot.Legend.FontName = PlotFonts.Family;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.BackgroundColor = Colors.White;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.SymbolWidth = 34;
        plot.Legend.Layout = new LegendHeadroom();
    }

    /// <summary>A term bar's label: the event's title (a tie is known by what made it), else what kind of tie it is.</summary>
    private static string TermLabel(ScenarioEvent ev, DateOnly from, DateOnly? until)
    {
        var name = ev.Title is { } title ? PlotNames.ForPlot(title, PlotNames.MaxName) : ev.Kind == "agreement" ? "MoU term" : "Twinning tie";
        return until is { } end
            ? $"{name}: {PlotNames.Date(from)} → {PlotNames.Date(end.AddDays(-1))}"
            : $"{name}: from {PlotNames.Date(from)}, no end";
    }

    /// <summary>
    /// Events of the dyad's parent pair (spilling σ↓ down) and child pairs (spilling σ↑ up): the largest few labelled,
    /// the rest as ticks, so a jump without an event of its own is explained.
    /// </summary>
    private static void AddSpillEvents(StrengthPlot plot, Scenario scenario, Dyad dyad, HashSet<ScenarioEvent> marked, int maxLabels)
    {
        var set = DyadSet.Of(scenario, new ActorTree(scenario.Actors));
        var related = set.ChildrenOf(dyad).ToList();
        if (set.ParentOf(dyad) is { } parent)
            related.Add(parent);
        var marks = EventMarks.MergeAlike(EventMarks.Touching(scenario, related).Where(m => !marked.Contains(m.Event)));
        var labelled = EventMarks.MostImportant(marks, maxLabels);
        foreach (var mark in labelled)
            plot.AddEvent(mark, MarkerStyle.Spill, 30);
        AddTicks(plot, marks.Except(labelled));
    }

    /// <summary>A tick at the bottom for each occurrence that took place.</summary>
    private static void AddTicks(StrengthPlot plot, IEnumerable<EventMark> marks)
    {
        foreach (var mark in marks)
        {
            for (var i = 0; i < mark.Days.Count; i++)
            {
                if (!mark.Cancelled[i])
                    plot.AddRugTick(mark.Days[i]);
            }
        }
    }
}
