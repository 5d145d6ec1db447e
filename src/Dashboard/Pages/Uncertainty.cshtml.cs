using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Ensembles;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>
/// Starts an ensemble or a sweep of a scenario of the folder (the start page's forms post here). A form with a
/// problem comes back with the sentence at its field and status 400.
/// </summary>
public sealed class UncertaintyModel(ScenarioCatalog catalog, JobService jobs) : PageModel
{
    public IReadOnlyList<CatalogEntry> Scenarios { get; private set; } = [];
    public string ScenarioId { get; private set; } = "";
    public string? Posted { get; private set; }
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public void OnGet(string? scenarioId) => Open(scenarioId, null);

    public Task<IActionResult> OnPostEnsembleAsync(string? scenarioId) => Start(scenarioId, sweep: false);

    public Task<IActionResult> OnPostSweepAsync(string? scenarioId) => Start(scenarioId, sweep: true);

    /// <summary>The fields of the ensemble or sweep form: posted values and problems only on the form that was posted.</summary>
    public StartFields Fields(bool sweep) => StartFields.Of(Scenarios, ScenarioId, sweep, Posted == (sweep ? "sweep" : "ensemble") ? Request : null, Problems);

    private async Task<IActionResult> Start(string? scenarioId, bool sweep)
    {
        Open(scenarioId, sweep ? "sweep" : "ensemble");
        var (asked, problems) = UncertaintyForm.Read(Request.Form, sweep);
        if (catalog.Find(scenarioId ?? "") is not { } entry)
            problems["scenarioId"] = $"Choose a scenario of the list; there is no '{scenarioId}'.";
        else if (asked is not null)
            return Redirect(await Begin(jobs, catalog.Load(entry), asked));
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Starts the ensemble or sweep asked for (answered at once: it goes on in the cluster) and answers the page that follows it.</summary>
    public static async Task<string> Begin(JobService jobs, Scenario scenario, UncertaintyRequest asked) => asked.Settings.Count > 0
        ? "~" + Api.EnsemblesApi.PageOf(await jobs.StartSweepAsync(scenario, asked.Settings, asked.Draws, asked.Seed), JobKind.Sweep)
        : "~" + Api.EnsemblesApi.PageOf(await jobs.StartEnsembleAsync(new RunRequest(scenario, SampleStep.Month, asked.Seed), asked.Draws!.Value), JobKind.Ensemble);

    private void Open(string? scenarioId, string? posted)
    {
        Scenarios = catalog.Entries;
        ScenarioId = scenarioId ?? Scenarios.FirstOrDefault()?.Id ?? "";
        Posted = posted;
    }
}

/// <summary>What the start forms show: the scenarios, the one chosen, the draws and seed, and the sweep rows.</summary>
public sealed record StartFields(IReadOnlyList<CatalogEntry> Scenarios, string ScenarioId, bool Sweep, DrawsSeedFields DrawsSeed, SweepFields Rows, string? ScenarioProblem)
{
    public static StartFields Of(IReadOnlyList<CatalogEntry> scenarios, string scenarioId, bool sweep, HttpRequest? posted, IReadOnlyDictionary<string, string> problems)
    {
        var shown = posted is null ? new Dictionary<string, string>() : problems;
        var rows = SweepFields.Of(UncertaintyForm.Parameters(Model.Scenarios.ModelParameters.Default), posted, shown);
        return new StartFields(scenarios, scenarioId, sweep, rows.DrawsSeed(posted, sweep), rows, shown.GetValueOrDefault("scenarioId"));
    }
}
