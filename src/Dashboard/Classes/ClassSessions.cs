using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Access;
using Relations.Dashboard.Hosting;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Classes;

/// <summary>A refusal of a class-session request: the HTTP status to answer and a sentence.</summary>
public sealed record ClassProblem(int Status, string Message);

/// <summary>
/// Class sessions (HubNet-like): a trainer opens one on an exercise and gets a join code; students join with it and a
/// display name, their identity a sign-in cookie naming that session; their saved variants and runs are recorded by
/// the session's grain, which the class board follows. The same calls serve the API and the pages.
/// </summary>
public sealed partial class ClassSessions(
    IGrainFactory grains, ScenarioCatalog catalog, RunService runs, VariantStore variants, AuditLog audit,
    IOptionsMonitor<RelationsOptions> options, TimeProvider clock)
{
    /// <summary>Join codes: six of 31 letters and digits that are not mistaken for one another (no 0/O, 1/I/L).</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public IClassSessionGrain Session(string code) => grains.GetGrain<IClassSessionGrain>(code);

    /// <summary>Whether text can be a join code (as typed: lower case and spaces are forgiven by <see cref="Normalize"/>).</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Opens a session on the exercise (a base scenario of the folder and a question) and starts its base run.</summary>
    public async Task<(string? Code, ClassProblem? Problem)> OpenAsync(Caller trainer, string? baseId, string? question, string? dyad, DateOnly? day, int? runsPerStudent)
    {
        if (baseId is null || catalog.Find(baseId) is not { } entry)
            return (null, new(400, $"There is no scenario '{baseId}' to base the exercise on; GET /api/scenarios lists them."));
        if (string.IsNullOrWhiteSpace(question) || question.Length > 2000)
            return (null, new(400, "The exercise needs a question for the class (up to 2,000 characters)."));
        var allowance = runsPerStudent ?? options.CurrentValue.Limits.StudentRunsPerSession;
        if (allowance is < 1 or > 1000)
            return (null, new(400, $"runsPerStudent is {allowance}; it must be between 1 and 1,000."));
        var (scenario, source) = catalog.LoadWithSource(entry);
        if (dyad is not null && !scenario.Actors.Any(a => dyad.StartsWith(a.Id + "~", StringComparison.Ordinal)))
            return (null, new(400, $"'{dyad}' is not a relationship of {baseId} (write it as ACTOR~ACTOR)."));
        for (var attempt = 0; ; attempt++)
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, 6);
            var info = new ClassSessionInfo(code, entry.Id, question.Trim(), dyad, day, trainer.Id, trainer.Name, allowance, clock.GetUtcNow());
            if (!await Session(code).Open(info))
            {
                if (attempt < 10)
                    continue;
                throw new InvalidOperationException("no free join code after 10 attempts");
            }
            await audit.RecordAsync(trainer, "opened", code, code);
            var baseRun = await runs.StartAsync(new RunRequest(scenario, SampleStep.Month, null) { Source = source }, inClass: code);
            await Session(code).BaseRunStarted(baseRun);
            return (code, null);
        }
    }

    /// <summary>A student joins: answers their sign-in (a cookie naming this session), or why not.</summary>
    public async Task<(ClaimsPrincipal? Student, ClassProblem? Problem)> JoinAsync(string? code, string? name)
    {
        code = Normalize(code);
        name = (name ?? "").Trim();
        if (name.Length is < 1 or > 40 || name.Any(char.IsControl))
            return (null, new(400, "Give a display name of 1 to 40 characters."));
        if (!IsCode(code))
            return (null, new(404, $"'{code}' is not a join code (six letters and digits, as your trainer shows them)."));
        var studentId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        if (await Session(code).Join(studentId, name) is null)
            return (null, new(404, $"There is no open class session with the code {code}."));
        var principal = AccessClaims.Principal(AccessSetup.CookieScheme, $"student:{code}:{studentId}", name, [Roles.Student], code);
        await audit.RecordAsync(Caller.Of(principal), "joined", code, code);
        return (principal, null);
    }

    /// <summary>Whether <paramref name="caller"/> runs this session (its trainer) or may see everything (an operator).</summary>
    public static bool Leads(Caller caller, ClassSessionView session) => caller.IsOperator || session.Info.Trainer == caller.Id;

    /// <summary>Whether <paramref name="caller"/> may see this session at all: its trainer, an operator, or one of its students.</summary>
    public static bool Sees(Caller caller, ClassSessionView session) => Leads(caller, session) || caller.Session == session.Info.Code;

    /// <summary>Runs a saved variant of the session: the student's own (counted against the trainer's allowance) or, for its trainer, any.</summary>
    public async Task<(string? RunId, ClassProblem? Problem)> RunVariantAsync(Caller caller, string code, string variantId)
    {
        if (await Session(code).Get() is not { } session)
            return (null, new(404, $"There is no class session {code}."));
        if (!Sees(caller, session))
            return (null, new(403, "You are not in this class session."));
        if (await variants.GetAsync(variantId) is not { } saved || saved.Session != code)
            return (null, new(404, $"There is no variant '{variantId}' saved in this class session."));
        if (await Session(code).TryStartRun(Leads(caller, session) ? null : caller.StudentId, variantId) is { } refused)
        {
            var status = refused.Kind switch
            {
                RunRefusalKind.NotYours => 403,
                RunRefusalKind.NotFound => 404,
                RunRefusalKind.OverAllowance => 403,
                _ => 409,
            };
            return (null, new(status, refused.Message));
        }
        var (variant, problems) = catalog.CheckText(WhatIfRunner.FileName(saved.Spec), VariantStore.YamlOf(saved));
        if (variant is null)
            return (null, new(400, string.Join("\n", problems)));
        var runId = await runs.StartAsync(new RunRequest(variant, SampleStep.Month, null), inClass: code);
        await Session(code).RunStarted(variantId, runId);
        return (runId, null);
    }

    /// <summary>Closes a session (its trainer or an operator): no more joins, saves or runs; its variants stay readable.</summary>
    public async Task<ClassProblem?> CloseAsync(Caller caller, string code)
    {
        if (await Session(code).Get() is not { } session)
            return new(404, $"There is no class session {code}.");
        if (!Leads(caller, session))
            return new(403, "Only the session's trainer may close it.");
        await Session(code).Close();
        await audit.RecordAsync(caller, "closed", code, code);
        return null;
    }

    /// <summary>The sessions a trainer leads (an operator: all), newest first.</summary>
    public async Task<ClassSessionEntry[]> ListAsync(Caller caller) =>
        [.. (await grains.GetGrain<IClassDirectoryGrain>(AccessKeys.All).List()).Where(e => caller.IsOperator || e.Info.Trainer == caller.Id)];

    [GeneratedRegex("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$")]
    private static partial Regex CodePattern();
}
