using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>For trainers: the saved what-if variants — reopen in the editor, run against the base, export, delete.</summary>
public sealed class VariantsModel(VariantStore store, WhatIfRunner whatIf) : PageModel
{
    public IReadOnlyList<SavedVariant> Saved { get; private set; } = [];
    public string? Notice { get; private set; }
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public async Task OnGetAsync(string? saved, string? deleted)
    {
        Saved = await store.ListAsync();
        Notice = saved is not null ? $"Saved '{saved}'." : deleted is not null ? $"Deleted '{deleted}'." : null;
    }

    public async Task<IActionResult> OnPostRunAsync(string id)
    {
        if (await store.GetAsync(id) is not { } saved)
            return NotFound();
        var (runs, problems, _) = await whatIf.StartAsync(saved.Spec);
        if (runs is not null)
            return Redirect($"/compare?base={runs.BaseRun}&variant={runs.VariantRun}");
        // The base file may have changed since the variant was saved.
        Problems = problems;
        Saved = await store.ListAsync();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        await store.RemoveAsync(id);
        return Redirect($"/variants?deleted={Uri.EscapeDataString(id)}");
    }
}
