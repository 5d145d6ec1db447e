using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Plots;

namespace Relations.Dashboard.Pages;

/// <summary>One dyad's biggest difference between base and variant.</summary>
public sealed record DyadDifference(Dyad Dyad, DateOnly Day, double Base, double Variant, double LastDelta, double BaseShare = 0, double VariantShare = 0)
{
    public double Delta => Variant - Base;
}

/// <summary>For trainers: base and variant overlaid with their difference (RelationPlots.Compare); save or export the variant.</summary>
public sealed class CompareModel(RunService runs, WhatIfRunner whatIf, VariantStore store, Scenarios.ScenarioCatalog catalog,
    IStringLocalizer<CompareModel> text, IStringLocalizer<Localization.Strings> words) : PageModel
{
    /// <summary>Whether the variant is a file of the scenarios folder the editor can open.</summary>
    public bool Editable => VariantResult is { } v && catalog.Find(v.Scenario.Id) is not null;

    public string BaseRun { get; private set; } = "";
    public string VariantRun { get; private set; } = "";
    public RunStatus BaseStatus { get; private set; } = null!;
    public RunStatus VariantStatus { get; private set; } = null!;
    public SeriesResult? BaseResult { get; private set; }
    public SeriesResult? VariantResult { get; private set; }
    public VariantSpec? Draft { get; private set; }
    /// <summary>The chart's data (Views/ChartData.Compare), as JSON for the page's script.</summary>
    public string ChartJson { get; private set; } = "";

    /// <summary>How many of the most changed dyads the chart shows when the reader picked none.</summary>
    public const int ShownByDefault = 5;
    public IReadOnlyList<DyadDifference> Differences { get; private set; } = [];

    /// <summary>The dyads the reader picked (URL keys); none: the overlay of the most changed.</summary>
    public IReadOnlyList<string> Chosen { get; private set; } = [];

    /// <summary>Every dyad of either run, for the picker: the most changed first.</summary>
    public IReadOnlyList<Dyad> PickerDyads { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "base")] string? baseRun, string? variant, string? refused, string? savedBy)
    {
        if (refused is not null)
            await RefusedAsync(variant, refused);
        SavedBy = savedBy;
        if (baseRun is null || variant is null || await runs.StatusAsync(baseRun) is not { } baseStatus
            || await runs.StatusAsync(variant) is not { } variantStatus)
            return NotFound();
        (BaseRun, VariantRun, BaseStatus, VariantStatus) = (baseRun, variant, baseStatus, variantStatus);
        Draft = whatIf.DraftOf(variant);
        BaseResult = await runs.ResultAsync(baseRun);
        VariantResult = await runs.ResultAsync(variant);
        if (BaseResult is null || VariantResult is null)
            return Page();

        Chosen = [.. Request.Query["dyad"].Select(k => k ?? "").Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
        if (Views.RunPlots.Problem(Chosen, BaseResult, VariantResult) is { } badDyad)
            return new ContentResult { StatusCode = 400, ContentType = "text/plain; charset=utf-8", Content = badDyad + "\n" };
        Differences = [.. Comparison.Rows(BaseResult, VariantResult)
            .GroupBy(r => r.Dyad)
            .Select(g =>
            {
                var largest = g.MaxBy(r => Math.Abs(r.Delta))!;
                return new DyadDifference(g.Key, largest.Date, largest.BaseStrength, largest.OtherStrength, g.Last().Delta,
                    AssumptionShare.On(BaseResult, g.Key, largest.Date), AssumptionShare.On(VariantResult, g.Key, largest.Date));
            })
            .Where(d => Math.Abs(d.Delta) > 1e-9)
            .OrderByDescending(d => Math.Abs(d.Delta)).ThenBy(d => d.Dyad)
            .Take(20)];
        var changed = Comparison.Rows(BaseResult, VariantResult).GroupBy(r => r.Dyad)
            .ToDictionary(g => g.Key, g => g.Max(r => Math.Abs(r.Delta)));
        PickerDyads = [.. changed.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => c.Key)];
        var shown = Chosen.Count > 0
            ? Views.RunPlots.Parse(Chosen, BaseResult).Concat(Views.RunPlots.Parse(Chosen, VariantResult)).Distinct().ToList()
            : [.. Distinct(Differences.Select(d => d.Dyad), BaseResult, VariantResult).Take(ShownByDefault)];
        ChartJson = Views.ChartData.Compare(BaseResult, VariantResult, shown, Views.Language.Of(HttpContext), words).ToJson();
        return Page();
    }

    /// <summary>The dyads whose base and variant curves are not those of an earlier one (twinned pairs dated alike share one).</summary>
    private static IEnumerable<Dyad> Distinct(IEnumerable<Dyad> dyads, SeriesResult baseResult, SeriesResult variant)
    {
        var seen = new List<(IReadOnlyList<double>, IReadOnlyList<double>)>();
        foreach (var dyad in dyads)
        {
            var b = baseResult.Dyads.FirstOrDefault(d => d.Dyad == dyad)?.Strengths ?? [];
            var v = variant.Dyads.FirstOrDefault(d => d.Dyad == dyad)?.Strengths ?? [];
            if (seen.Any(s => s.Item1.SequenceEqual(b) && s.Item2.SequenceEqual(v)))
                continue;
            seen.Add((b, v));
            yield return dyad;
        }
    }

    /// <summary>The server's plot of this comparison (the chosen dyads or the most changed), for readers without script and downloads.</summary>
    public string PlotFile(string extension) =>
        $"/api/compare/plot.{extension}?{Pair}" + string.Concat(Chosen.Select(k => "&dyad=" + Uri.EscapeDataString(k))) + "&lang=" + Views.Language.Of(HttpContext);

    /// <summary>When a save was refused: the version saved under that id now (who, when), which "replace" would overwrite.</summary>
    public SavedVariant? Taken { get; private set; }

    /// <summary>Why the save was refused, as a sentence.</summary>
    public string? SaveRefused { get; private set; }

    /// <summary>The name the reader gave when saving, kept for a second try.</summary>
    public string? SavedBy { get; private set; }

    /// <summary>
    /// Saves the variant behind this comparison in the cluster's catalogue: a new id is saved; a taken one only when the
    /// reader confirms replacing the very version shown to them (its ETag), so two trainers never overwrite unawares.
    /// A refusal is shown on the comparison's own address (post, redirect, get), so reloading it shows it again.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(string variant, [FromForm(Name = "base-run")] string? baseRun, string? replace, string? savedBy)
    {
        if (whatIf.DraftOf(variant) is not { } spec)
            return NotFound();
        var refused = "reserved";
        if (catalog.Find(spec.Id) is null)
        {
            var outcome = await store.SaveAsync(spec, replace, savedBy);
            if (outcome is SaveOutcome.Created or SaveOutcome.Replaced)
                return Redirect($"~/variants?saved={Uri.EscapeDataString(spec.Id)}");
            refused = outcome == SaveOutcome.Exists ? "exists" : "changed";
        }
        return Redirect($"~/compare?base={Uri.EscapeDataString(baseRun ?? "")}&variant={Uri.EscapeDataString(variant)}&refused={refused}"
            + (string.IsNullOrWhiteSpace(savedBy) ? "" : "&savedBy=" + Uri.EscapeDataString(savedBy)) + "#save-refused");
    }

    /// <summary>Why a save of <paramref name="variant"/>'s draft was refused (reserved, exists, changed), and the version saved now.</summary>
    private async Task RefusedAsync(string? variant, string refused)
    {
        if (variant is null || whatIf.DraftOf(variant) is not { } spec)
            return;
        if (refused == "reserved" && catalog.Find(spec.Id) is { } file)
        {
            SaveRefused = file.IsVariant
                ? text["Not saved: '{0}' is the id of the exercise {1}. Go back to the editor (Edit again) and give the variant an id of its own.", spec.Id, file.Path]
                : text["Not saved: '{0}' is the id of the scenario {1}. Go back to the editor (Edit again) and give the variant an id of its own.", spec.Id, file.Path];
            return;
        }
        Taken = await store.GetAsync(spec.Id);
        SaveRefused = refused == "exists"
            ? text["Not saved: a variant '{0}' is saved already.", spec.Id]
            : text["Not saved: the variant '{0}' has changed since you were shown it (someone saved or deleted it).", spec.Id];
    }

    /// <summary>The list of changes of the variant run, as sentences.</summary>
    public IEnumerable<string> Changes() => Draft is { } draft && BaseResult is { } baseResult
        ? ChangeSummary.Of(draft, baseResult.Scenario, id => PlotNames.Actor(baseResult.Scenario, id, Views.Language.Of(HttpContext)), words)
        : [];

    /// <summary>The query string naming both runs, for the files and links of this comparison.</summary>
    public string Pair => $"base={BaseRun}&variant={VariantRun}";

    /// <summary>The run page of one side, explaining <paramref name="dyad"/> on <paramref name="day"/>.</summary>
    public static string ExplainLink(string run, Dyad dyad, DateOnly day)
    {
        var key = Uri.EscapeDataString(Views.RunPlots.Key(dyad));
        return $"~/runs/{run}?dyad={key}&explain={key}&date={Day(day)}#explanation";
    }

    public string DyadName(Dyad dyad) => PlotNames.Dyad(BaseResult!.Scenario, dyad, Views.Language.Of(HttpContext));

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
