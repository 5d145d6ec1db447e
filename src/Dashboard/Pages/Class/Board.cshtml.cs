using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Dashboard.Classes;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;

namespace Relations.Dashboard.Pages.Class;

/// <summary>
/// The trainer's class board: every student's variant overlaid on the base for one relationship, their change lists,
/// differences on a chosen day and explanation links; it follows the session live (server-sent events pushed by the
/// session's grain) and swaps itself in place when something changes.
/// </summary>
public sealed class BoardModel(ClassSessions classes, RunService runs) : PageModel
{
    public ClassBoard Board { get; private set; } = null!;
    public string Code { get; private set; } = "";

    /// <summary>The query naming this view's relationship and day, for the chart and the links.</summary>
    public string Query => Board.Dyad is { } dyad
        ? $"dyad={Uri.EscapeDataString(RunPlots.Key(dyad))}&day={Day(Board.Day!.Value)}" : "";

    public async Task<IActionResult> OnGetAsync(string code, string? dyad, DateOnly? day)
    {
        Code = ClassSessions.Normalize(code);
        if (!ClassSessions.IsCode(Code) || await classes.Session(Code).Get() is not { } view || !ClassSessions.Leads(Caller.Of(User), view))
            return NotFound();
        Board = await ClassBoard.BuildAsync(view, dyad, day, runs);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(string code)
    {
        if (await classes.CloseAsync(Caller.Of(User), ClassSessions.Normalize(code)) is { } problem)
            return StatusCode(problem.Status);
        return Redirect($"~/class/{ClassSessions.Normalize(code)}/board");
    }

    public string DyadName(Dyad dyad) => Relations.Plots.PlotNames.Dyad(Board.BaseResult!.Scenario, dyad, Language.Of(HttpContext));

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) : "—";
}
