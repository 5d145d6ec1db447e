using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Plots;

namespace Relations.Dashboard.Pages;

/// <summary>One dyad's biggest difference between base and variant.</summary>
public sealed record DyadDifference(Dyad Dyad, DateOnly Day, double Base, double Variant, double LastDelta)
{
    public double Delta => Variant - Base;
}

/// <summary>For trainers: base and variant overlaid with their difference (RelationPlots.Compare); save or export the variant.</summary>
public sealed class CompareModel(RunService runs, WhatIfRunner whatIf, VariantStore store) : PageModel
{
    public string BaseRun { get; private set; } = "";
    public string VariantRun { get; private set; } = "";
    public RunStatus BaseStatus { get; private set; } = null!;
    public RunStatus VariantStatus { get; private set; } = null!;
    public SeriesResult? BaseResult { get; private set; }
    public SeriesResult? VariantResult { get; private set; }
    public VariantSpec? Draft { get; private set; }
    public string PlotSource { get; private set; } = "";
    public IReadOnlyList<DyadDifference> Differences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "base")] string? baseRun, string? variant)
    {
        if (baseRun is null || variant is null || await runs.StatusAsync(baseRun) is not { } baseStatus
            || await runs.StatusAsync(variant) is not { } variantStatus)
            return NotFound();
        (BaseRun, VariantRun, BaseStatus, VariantStatus) = (baseRun, variant, baseStatus, variantStatus);
        Draft = whatIf.DraftOf(variant);
        BaseResult = await runs.ResultAsync(baseRun);
        VariantResult = await runs.ResultAsync(variant);
        if (BaseResult is null || VariantResult is null)
            return Page();

        var options = PlotOptions.Default with { Language = Views.Language.Of(HttpContext) };
        var svg = RelationPlots.GetSvg(RelationPlots.Compare(BaseResult, VariantResult, options));
        PlotSource = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        Differences = [.. Comparison.Rows(BaseResult, VariantResult)
            .GroupBy(r => r.Dyad)
            .Select(g =>
            {
                var largest = g.MaxBy(r => Math.Abs(r.Delta))!;
                return new DyadDifference(g.Key, largest.Date, largest.BaseStrength, largest.OtherStrength, g.Last().Delta);
            })
            .Where(d => Math.Abs(d.Delta) > 1e-9)
            .OrderByDescending(d => Math.Abs(d.Delta)).ThenBy(d => d.Dyad)
            .Take(20)];
        return Page();
    }

    /// <summary>Saves the variant behind this comparison in the cluster's catalogue.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string variant)
    {
        if (whatIf.DraftOf(variant) is not { } spec)
            return NotFound();
        await store.SaveAsync(spec);
        return Redirect($"/variants?saved={Uri.EscapeDataString(spec.Id)}");
    }

    public string DyadName(Dyad dyad) => PlotNames.Dyad(BaseResult!.Scenario, dyad, Views.Language.Of(HttpContext));

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
