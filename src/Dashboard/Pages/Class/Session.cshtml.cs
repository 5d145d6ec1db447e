using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Dashboard.Classes;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Pages.Class;

/// <summary>A student's view of their class session: the question, the editor on the base, and their own variants with their runs.</summary>
public sealed class SessionModel(ClassSessions classes) : PageModel
{
    public ClassSessionView View { get; private set; } = null!;
    public IReadOnlyList<ClassVariant> Mine { get; private set; } = [];
    public ClassStudent? Me { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        code = ClassSessions.Normalize(code);
        if (!ClassSessions.IsCode(code) || await classes.Session(code).Get() is not { } view || !ClassSessions.Sees(Caller.Of(User), view))
            return NotFound();
        if (ClassSessions.Leads(Caller.Of(User), view))
            return Redirect($"~/class/{code}/board");
        View = view;
        var me = Caller.Of(User).StudentId;
        Mine = [.. view.Variants.Where(v => v.StudentId == me)];
        Me = view.Students.FirstOrDefault(s => s.Id == me);
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(string code, string variantId)
    {
        var (runId, problem) = await classes.RunVariantAsync(Caller.Of(User), ClassSessions.Normalize(code), variantId);
        if (problem is null)
            return Redirect($"~/runs/{runId}");
        await OnGetAsync(code);
        Problem = problem.Message;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
