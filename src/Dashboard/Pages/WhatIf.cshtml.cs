using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Relations.Dashboard.Scenarios;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Pages;

/// <summary>
/// For trainers: the what-if editor over a scenario of the folder. Switch events and interruptions off, move their
/// dates, change model parameters; the variant runs beside its base and the two are overlaid.
/// </summary>
public sealed class WhatIfModel(ScenarioCatalog catalog, WhatIfRunner runner, VariantStore store,
    IStringLocalizer<WhatIfModel> text, IStringLocalizer<Localization.Strings> words) : PageModel
{
    public CatalogEntry Entry { get; private set; } = null!;
    public Scenario Base { get; private set; } = null!;
    public VariantSpec? Prefill { get; private set; }
    public string VariantId { get; private set; } = "";
    public string VariantTitle { get; private set; } = "";
    public string VariantDescription { get; private set; } = "";
    public IReadOnlyDictionary<string, string> FormProblems { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Yaml { get; private set; }
    public string? ReopenedFrom { get; private set; }

    /// <summary>What the last "add" did, as a sentence; null when nothing was added.</summary>
    public string? AddedNotice { get; private set; }

    /// <summary>The shared words, for the partials.</summary>
    public IStringLocalizer<Localization.Strings> Words => words;

    public async Task<IActionResult> OnGetAsync(string baseId, string? variant, string? from)
    {
        if (!Open(baseId))
            return NotFound();
        if (variant is not null && await store.GetAsync(variant) is { } saved && saved.Spec.BaseId == baseId && VariantStore.Editable(saved))
        {
            Prefill = saved.Spec;
            ReopenedFrom = text["Reopened from the saved variant '{0}'.", saved.Spec.Id];
        }
        else if (from is not null && runner.DraftOf(from) is { } draft && draft.BaseId == baseId)
        {
            Prefill = draft;
            ReopenedFrom = text["Reopened from the variant you ran last."];
        }
        SetNames(Prefill);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string baseId)
    {
        var (spec, refused) = ReadPosted(baseId);
        if (spec is null)
            return refused!;
        if (Access.Caller.Of(User) is { IsStudent: true } student)
            return await RunInClassAsync(student, spec);
        var (runs, problems, yaml) = await runner.StartAsync(spec);
        if (runs is null)
        {
            Prefill = spec;
            (Problems, FormProblems) = ProblemPlaces.Place(problems, yaml);
            Yaml = yaml;
            SetNames(spec);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return Redirect($"~/compare?base={runs.BaseRun}&variant={runs.VariantRun}");
    }

    /// <summary>
    /// A student's what-if is theirs, in their class session: saved there (replacing their own earlier save of this id)
    /// and run against their trainer's allowance; the overlay is on the session's base run, which the board shows too.
    /// </summary>
    private async Task<IActionResult> RunInClassAsync(Access.Caller student, VariantSpec spec)
    {
        var classes = HttpContext.RequestServices.GetRequiredService<Classes.ClassSessions>();
        var existing = await store.GetAsync(spec.Id);
        await store.SaveAsync(spec, existing?.ETag, student.Name);
        var (run, problem) = await classes.RunVariantAsync(student, student.Session!, spec.Id);
        if (problem is not null)
            return StatusCode(problem.Status, problem.Message);
        var baseRun = (await classes.Session(student.Session!).Get())?.BaseRunId;
        return Redirect(baseRun is null ? $"~/runs/{run}" : $"~/compare?base={baseRun}&variant={run}");
    }

    /// <summary>
    /// Adds the new event and the new interruption of the form to the variant without running it, and shows the editor
    /// again with empty rows, so a trainer adds as many as wanted before running.
    /// </summary>
    public IActionResult OnPostAdd(string baseId)
    {
        var (spec, refused) = ReadPosted(baseId);
        if (spec is null)
            return refused!;
        Prefill = spec;
        var (newEvent, newInterruption) = (Request.PostedField(VariantForm.New("id")), Request.PostedField(NewInterruption.Field("id")));
        var added = spec.Added.Where(a => a.Id == newEvent).Select(a => a.Title ?? a.Id)
            .Concat(spec.AddedInterruptions.Where(a => a.Id == newInterruption).Select(a => a.Title ?? a.Id)).ToList();
        AddedNotice = added.Count == 0 ? text["Nothing to add: fill in the new event's or interruption's fields first."]
            : text["Added: {0}. Add another, or run the variant.", string.Join(", ", added)];
        SetNames(spec);
        return Page();
    }

    /// <summary>Starts an ensemble of the variant being edited (the form's draws and seed) and opens its uncertainty view.</summary>
    public Task<IActionResult> OnPostEnsembleAsync(string baseId, [FromServices] Ensembles.JobService jobs) => Start(baseId, jobs, sweep: false);

    /// <summary>Starts a sweep of the variant being edited over the parameters of the form and opens its page.</summary>
    public Task<IActionResult> OnPostSweepAsync(string baseId, [FromServices] Ensembles.JobService jobs) => Start(baseId, jobs, sweep: true);

    /// <summary>The sweep rows and the draws and seed the editor shows (as posted, with their problems).</summary>
    public Ensembles.SweepFields SweepRows => Ensembles.SweepFields.Of(Ensembles.UncertaintyForm.Parameters(Base.Model), Request, FormProblems);

    /// <summary>
    /// The variant the form posts for <paramref name="baseId"/>; without one, the answer to give instead: 404 for an
    /// unknown base, or the editor again with the form's problems (400).
    /// </summary>
    private (VariantSpec? Spec, IActionResult? Refused) ReadPosted(string baseId)
    {
        if (!Open(baseId))
            return (null, NotFound());
        var (spec, formProblems) = VariantForm.Read(Request.Form, Entry, Base, words);
        if (spec is not null)
            return (spec, null);
        FormProblems = formProblems;
        SetNames(null);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return (null, Page());
    }

    private async Task<IActionResult> Start(string baseId, Ensembles.JobService jobs, bool sweep)
    {
        if (!Open(baseId))
            return NotFound();
        var (spec, formProblems) = VariantForm.Read(Request.Form, Entry, Base, words);
        var (asked, problems) = Ensembles.UncertaintyForm.Read(Request.Form, sweep);
        foreach (var (field, message) in formProblems)
            problems[field] = message;
        if (spec is not null && asked is not null)
        {
            var yaml = VariantYaml.Write(spec);
            var (variant, variantProblems) = catalog.CheckText(WhatIfRunner.FileName(spec), yaml);
            if (variant is not null)
                return Redirect(await UncertaintyModel.Begin(jobs, variant, asked));
            Prefill = spec;
            (Problems, var placed) = ProblemPlaces.Place(variantProblems, yaml);
            foreach (var (field, message) in placed)
                problems[field] = message;
            Yaml = yaml;
        }
        FormProblems = problems;
        SetNames(Prefill);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public bool Kept(string id) => Prefill is not null ? !Prefill.Remove.Contains(id)
        : !Request.HasFormContentType || Request.Form[VariantForm.Keep].Any(v => v is not null && v.EndsWith(":" + id, StringComparison.Ordinal));

    /// <summary>The events added so far: the variant reopened, or those posted with the form that had a problem.</summary>
    public IReadOnlyList<AddedEvent> AddedEvents =>
        Prefill?.Added ?? (Request.PostedField(VariantForm.Added) is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<AddedEvent[]>(json) ?? [] : []);

    /// <summary>The interruptions added so far (as <see cref="AddedEvents"/>).</summary>
    public IReadOnlyList<AddedInterruption> AddedInterruptionList =>
        Prefill?.AddedInterruptions ?? (Request.PostedField(VariantForm.AddedInterruptions) is { } json
            ? System.Text.Json.JsonSerializer.Deserialize<AddedInterruption[]>(json) ?? [] : []);

    /// <summary>The problem of a form field, shown beside it.</summary>
    public string? ProblemAt(string field) => FormProblems.TryGetValue(field, out var message) ? message : null;

    /// <summary>A field as the reader last posted it when the form came back with a problem; otherwise <paramref name="shown"/>.</summary>
    public string Posted(string field, string shown) => Prefill is null ? Request.PostedField(field) ?? shown : shown;

    /// <summary>What the new-event row held when the form came back with a problem.</summary>
    public string NewValue(string field) => Prefill is null ? Request.PostedField(VariantForm.New(field)) ?? "" : "";

    /// <summary>A sentence per change, for the summary above the form.</summary>
    public IEnumerable<string> Summary() => Prefill is null ? [] : ChangeSummary.Of(Prefill, Base, Name, words);

    /// <summary>The element a form problem belongs to (an input's or a row's id), so the summary can link to it.</summary>
    public static string Anchor(string field) =>
        field.StartsWith("row:", StringComparison.Ordinal) ? "row-" + field[4..] : "f-" + field;

    /// <summary>What a form problem is about, in words, for the summary above the form.</summary>
    public string FieldName(string field)
    {
        string Of(string id) => Base.Events.FirstOrDefault(e => e.Id == id) is { } ev ? ev.Title ?? ev.Id
            : Base.Interruptions.FirstOrDefault(i => i.Id == id) is { } i ? i.Title ?? i.Id : id;
        var colon = field.IndexOf(':');
        return field switch
        {
            "id" => text["Variant id"],
            _ when field.StartsWith(NewInterruption.Field(""), StringComparison.Ordinal) => text["New interruption, {0}", text[field[NewInterruption.Field("").Length..]]],
            _ when field.StartsWith(VariantForm.NewPrefix, StringComparison.Ordinal) => text["New event, {0}", text[field[VariantForm.NewPrefix.Length..]]],
            _ when field.StartsWith("model:", StringComparison.Ordinal) =>
                ModelForm.Values(Base.Model).FirstOrDefault(v => v.Key == field[6..]) is { } setting ? setting.Label(words) : field[6..],
            _ when colon > 0 => Of(field[(colon + 1)..]),
            _ => field,
        };
    }

    public VariantMove? MoveOf(string id, bool isEvent) => Prefill?.Moves.FirstOrDefault(m => m.Id == id && m.IsEvent == isEvent);

    public double ModelValue(string key, double baseValue) => Prefill?.Model.FirstOrDefault(m => m.Key == key)?.Value ?? baseValue;

    /// <summary>An actor's country, inherited from its parent when not its own.</summary>
    public string CountryOf(string actorId) => new ActorTree(Base.Actors).CountryOf(actorId) ?? "";

    public string Name(string actorId) => Relations.Plots.PlotNames.Actor(Base, actorId, Views.Language.Of(HttpContext));

    private bool Open(string baseId)
    {
        if (catalog.Find(baseId) is not { } entry)
            return false;
        Entry = entry;
        Base = catalog.Load(entry);
        return true;
    }

    private void SetNames(VariantSpec? spec)
    {
        var stem = Base.Id.Length > 56 ? Base.Id[..56] : Base.Id;
        // A fresh id per editor visit (not a shared name), so trainers of one class do not save over each other.
        VariantId = spec?.Id ?? Request.PostedField("id") ?? $"{stem}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
        VariantTitle = spec?.Title ?? Request.PostedField("title") ?? text["What if … ({0})", Base.Title];
        VariantDescription = spec?.Description ?? Request.PostedField("description") ?? "";
    }
}

/// <summary>Reading a posted field on a page that is also shown by GET.</summary>
internal static class FormFields
{
    public static string? PostedField(this HttpRequest request, string name) =>
        request.HasFormContentType && request.Form[name].ToString() is { Length: > 0 } value ? value : null;
}
