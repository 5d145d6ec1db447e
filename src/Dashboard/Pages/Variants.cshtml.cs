using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>For trainers: the saved what-if variants — reopen in the editor, run against the base, export, delete.</summary>
public sealed class VariantsModel(VariantStore store, WhatIfRunner whatIf, Scenarios.ScenarioCatalog catalog, IStringLocalizer<VariantsModel> text) : PageModel
{
    /// <summary>Whether the editor can open the base (an editor link must not lead to a 404).</summary>
    public bool HasBase(string baseId) => catalog.Find(baseId) is not null;

    public IReadOnlyList<SavedVariant> Saved { get; private set; } = [];
    public string? Notice { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task OnGetAsync(string? saved, string? deleted)
    {
        Saved = await store.ListAsync();
        Notice = saved is not null ? text["Saved '{0}'.", saved].Value : deleted is not null ? text["Deleted '{0}'.", deleted].Value : null;
    }

    public async Task<IActionResult> OnPostRunAsync(string id)
    {
        if (await store.GetAsync(id) is not { } saved)
            return NotFound();
        var (runs, problems, _) = await whatIf.StartAsync(saved.Spec, VariantStore.YamlOf(saved));
        if (runs is not null)
            return Redirect($"~/compare?base={runs.BaseRun}&variant={runs.VariantRun}");
        // The base file may have changed since the variant was saved.
        Problems = problems;
        Saved = await store.ListAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Deletes only the version the reader saw (the page asks first); a newer save under that id is kept.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string id, string? etag)
    {
        if (await store.GetAsync(id) is { } saved && (etag is null || etag == saved.ETag))
        {
            await store.RemoveAsync(id);
            return Redirect($"~/variants?deleted={Uri.EscapeDataString(id)}");
        }
        Saved = await store.ListAsync();
        Notice = text["Not deleted: '{0}' was saved again or deleted since this page was shown. Look at it below first.", id];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
