using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Dashboard.Classes;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Pages.Class;

/// <summary>For trainers: their class sessions, and a form to open one on an exercise (a base scenario and a question).</summary>
public sealed class IndexModel(ClassSessions classes, ScenarioCatalog catalog) : PageModel
{
    public IReadOnlyList<ClassSessionEntry> Sessions { get; private set; } = [];
    public IReadOnlyList<CatalogEntry> Bases => [.. catalog.Entries.Where(e => !e.IsVariant)];
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => Sessions = await classes.ListAsync(Caller.Of(User));

    public async Task<IActionResult> OnPostAsync(string? baseId, string? question, string? dyad, DateOnly? day, int? runsPerStudent)
    {
        var (code, problem) = await classes.OpenAsync(Caller.Of(User), baseId, question, string.IsNullOrWhiteSpace(dyad) ? null : dyad.Trim(), day, runsPerStudent);
        if (problem is null)
            return Redirect($"~/class/{code}/board");
        Problem = problem.Message;
        Response.StatusCode = problem.Status;
        await OnGetAsync();
        return Page();
    }
}
