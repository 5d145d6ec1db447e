using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Dashboard.Classes;

namespace Relations.Dashboard.Pages;

/// <summary>For students: join a class session with its code and a display name (no account); the browser keeps a signed cookie naming that session.</summary>
public sealed class JoinModel(ClassSessions classes) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (student, problem) = await classes.JoinAsync(Code, Name);
        if (problem is not null)
        {
            Problem = problem.Message;
            Response.StatusCode = problem.Status;
            return Page();
        }
        await HttpContext.SignInAsync(AccessSetup.CookieScheme, student!);
        return Redirect($"~/class/{Caller.Of(student!).Session}");
    }
}
