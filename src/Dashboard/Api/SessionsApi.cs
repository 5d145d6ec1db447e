using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;
using Relations.Dashboard.Access;
using Relations.Dashboard.Classes;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Plots;

namespace Relations.Dashboard.Api;

/// <summary>
/// Class sessions over HTTP: trainers open, list and close them and read their class board (JSON, SVG and a live
/// event stream); students join with the code and a display name and run their own saved variants.
/// </summary>
public static class SessionsApi
{
    /// <summary>The body of <c>POST /api/sessions</c>.</summary>
    public sealed record OpenRequest(string? Base, string? Question, string? Dyad, DateOnly? Day, int? RunsPerStudent);

    public sealed record JoinRequest(string? Name);

    public sealed record RunRequestBody(string? VariantId);

    public static void MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions");
        api.MapPost("", async (OpenRequest body, ClaimsPrincipal user, ClassSessions classes) =>
        {
            var (code, problem) = await classes.OpenAsync(Caller.Of(user), body.Base, body.Question, body.Dyad, body.Day, body.RunsPerStudent);
            return problem is not null ? Problem(problem)
                : Results.Created($"/api/sessions/{code}", new { code, board = $"/class/{code}/board", join = $"/join?code={code}" });
        }).RequireAuthorization(Policies.Trainer);
        api.MapGet("", async (ClaimsPrincipal user, ClassSessions classes) => (await classes.ListAsync(Caller.Of(user))).Select(e => new
        {
            code = e.Info.Code,
            @base = e.Info.BaseId,
            question = e.Info.Question,
            trainer = e.Info.TrainerName,
            opened_at = e.Info.OpenedAt,
            closed = e.Closed,
        })).RequireAuthorization(Policies.Trainer);
        api.MapGet("/{code}", async (string code, ClaimsPrincipal user, ClassSessions classes) =>
            await Visible(code, user, classes, lead: false) is not { } view ? Hidden(code)
                : Results.Json(new
                {
                    code = view.Info.Code,
                    @base = view.Info.BaseId,
                    question = view.Info.Question,
                    dyad = view.Info.Dyad,
                    closed = view.Closed,
                    baseRun = view.BaseRunId,
                    runsPerStudent = view.Info.RunsPerStudent,
                    students = ClassSessions.Leads(Caller.Of(user), view) ? view.Students.Select(s => new { s.Name, s.RunsStarted }).ToArray() : null,
                    variants = view.Variants.Where(v => ClassSessions.Leads(Caller.Of(user), view) || $"student:{code}:{v.StudentId}" == Caller.Of(user).Id)
                        .Select(v => new { id = v.VariantId, run = v.RunId, status = v.RunState.ToString().ToLowerInvariant() }),
                }));
        api.MapPost("/{code}/join", async (string code, JoinRequest body, HttpContext http, ClassSessions classes) =>
        {
            var (student, problem) = await classes.JoinAsync(code, body.Name);
            if (problem is not null)
                return Problem(problem);
            await http.SignInAsync(AccessSetup.CookieScheme, student!);
            var caller = Caller.Of(student!);
            return Results.Ok(new { code = caller.Session, name = caller.Name, page = $"/class/{caller.Session}" });
        }).AllowAnonymous();
        api.MapPost("/{code}/runs", async (string code, RunRequestBody body, ClaimsPrincipal user, ClassSessions classes) =>
        {
            if (string.IsNullOrEmpty(body.VariantId))
                return ProblemResults.BadRequest("No variantId", "Name the saved variant to run: {\"variantId\": \"...\"}.");
            var (runId, problem) = await classes.RunVariantAsync(Caller.Of(user), ClassSessions.Normalize(code), body.VariantId);
            return problem is not null ? Problem(problem)
                : Results.Accepted($"/api/runs/{runId}", new { id = runId, status = "running", page = $"/runs/{runId}" });
        });
        api.MapPost("/{code}/close", async (string code, ClaimsPrincipal user, ClassSessions classes) =>
            await classes.CloseAsync(Caller.Of(user), ClassSessions.Normalize(code)) is { } problem ? Problem(problem) : Results.NoContent());
        api.MapGet("/{code}/board", async (string code, string? dyad, string? day, ClaimsPrincipal user, ClassSessions classes, RunService runs) =>
        {
            if (await Visible(code, user, classes, lead: true) is not { } view)
                return Hidden(code);
            if (ParseDay(day, out var chosen) is { } badDay)
                return badDay;
            var board = await ClassBoard.BuildAsync(view, dyad, chosen, runs);
            return Results.Json(new
            {
                code = view.Info.Code,
                question = view.Info.Question,
                closed = view.Closed,
                version = view.Version,
                dyad = board.Dyad is { } d ? Views.RunPlots.Key(d) : null,
                day = board.Day,
                dates = board.Dates,
                baseRun = view.BaseRunId,
                @base = board.BaseStrengths,
                variants = board.Curves.Select(c => new
                {
                    student = c.Student,
                    variant = c.VariantId,
                    run = c.RunId,
                    status = c.Status,
                    changes = c.Changes,
                    strengths = c.Strengths,
                    difference = c.DifferenceAtDay,
                    explain = c.Explain,
                }),
            });
        });
        api.MapGet("/{code}/board.svg", async (string code, string? dyad, string? day, string? lang, ClaimsPrincipal user, ClassSessions classes, RunService runs, HttpContext http) =>
        {
            if (await Visible(code, user, classes, lead: true) is not { } view)
                return Hidden(code);
            if (ParseDay(day, out var chosen) is { } badDay)
                return badDay;
            var board = await ClassBoard.BuildAsync(view, dyad, chosen, runs);
            if (board.BaseResult is null || board.Dyad is not { } shown)
                return ProblemResults.NotReady("The exercise's base run has not completed yet.");
            var curves = board.Curves.Where(c => c.Strengths is not null).Select(c => (c.Student, c.Strengths!)).ToList();
            var plot = RelationPlots.ClassBoard(board.BaseResult.Scenario, shown, board.Dates, board.BaseStrengths, curves,
                PlotOptions.Default with { Language = Views.Language.Normalize(lang) });
            http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            http.Response.Headers[HeaderNames.ContentSecurityPolicy] = RunsApi.SvgPolicy;
            http.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(Encoding.UTF8.GetBytes(RelationPlots.GetSvg(plot, 1200, 760)), "image/svg+xml");
        });
        api.MapGet("/{code}/events", async (string code, ClaimsPrincipal user, ClassSessions classes, IGrainFactory grains, CancellationToken aborted) =>
            await Visible(code, user, classes, lead: true) is null ? Hidden(code)
                : TypedResults.ServerSentEvents(ClassWatcher.FollowAsync(grains, classes.Session(ClassSessions.Normalize(code)), aborted)))
            // A board follows its class for the whole lesson, beyond any request's time budget.
            .DisableRequestTimeout();
    }

    /// <summary>The session if the caller may see it (<paramref name="lead"/>: as its trainer or an operator); else null.</summary>
    private static async Task<ClassSessionView?> Visible(string code, ClaimsPrincipal user, ClassSessions classes, bool lead)
    {
        code = ClassSessions.Normalize(code);
        if (!ClassSessions.IsCode(code) || await classes.Session(code).Get() is not { } view)
            return null;
        var caller = Caller.Of(user);
        return (lead ? ClassSessions.Leads(caller, view) : ClassSessions.Sees(caller, view)) ? view : null;
    }

    /// <summary>Not found, whether the session does not exist or is someone else's: the code is not confirmed to strangers.</summary>
    private static IResult Hidden(string code) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
        detail: $"There is no class session {ClassSessions.Normalize(code)} that you lead or joined.");

    private static IResult? ParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
            return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return ProblemResults.BadRequest("Not a day", $"day '{text}' is not a date written YYYY-MM-DD.");
        day = parsed;
        return null;
    }

    private static IResult Problem(ClassProblem problem) =>
        Results.Problem(statusCode: problem.Status, title: problem.Status switch
        {
            400 => "The request has a problem",
            403 => "Not allowed",
            404 => "Not found",
            _ => "Refused",
        }, detail: problem.Message);
}
