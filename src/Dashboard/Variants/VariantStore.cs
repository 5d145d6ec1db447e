using Relations.Dashboard.Access;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Variants;

/// <summary>
/// The saved what-if variants, kept by the cluster's variant catalogue grain (persistent state). Who may change one
/// is decided here, for the API and the pages alike: its owner, an operator, the trainer of the class session it was
/// saved in, or — for variants saved before sign-in — anyone but a student. A student saves variants of their
/// session's exercise only, while the session is open. Every save and delete is audited.
/// </summary>
public sealed class VariantStore(IGrainFactory grains, TimeProvider clock, Quotas quotas, AuditLog audit)
{
    private IVariantCatalogGrain Catalog => grains.GetGrain<IVariantCatalogGrain>("all");

    /// <summary>Saves a variant the editor made: new (no <paramref name="ifMatch"/>) or replacing the version named.</summary>
    public Task<SaveOutcome> SaveAsync(VariantSpec spec, string? ifMatch, string? savedBy) =>
        SaveAsync(spec, VariantYaml.Write(spec), ifMatch, savedBy);

    /// <summary>Saves a variant with its file text (the API's PUT keeps the body as sent).</summary>
    /// <exception cref="RoleRefusedException">The caller may not change this variant, or (a student) save it here.</exception>
    public async Task<SaveOutcome> SaveAsync(VariantSpec spec, string yaml, string? ifMatch, string? savedBy)
    {
        var caller = quotas.Current;
        var existing = await GetAsync(spec.Id);
        if (caller is not null && existing is not null && !await MayChangeAsync(caller, existing))
            throw new RoleRefusedException($"The variant '{spec.Id}' is someone else's; you may read it but not replace it.");
        string? session = existing?.Session;
        if (caller is { IsStudent: true } && existing is null)
        {
            var view = await grains.GetGrain<IClassSessionGrain>(caller.Session!).Get();
            if (view is null || view.Closed)
                throw new RoleRefusedException("Your class session is closed; its variants can be read but no more saved.");
            if (spec.BaseId != view.Info.BaseId)
                throw new RoleRefusedException($"In this class session variants are of '{view.Info.BaseId}', not '{spec.BaseId}'.");
            session = caller.Session;
        }
        var named = caller is null || caller.Id == LoopbackAuthentication.LocalId ? Blank(savedBy) : caller.Name;
        var variant = new SavedVariant(spec, clock.GetUtcNow())
        {
            Yaml = yaml,
            SavedBy = named,
            Owner = existing is null ? caller?.Id : existing.Owner,
            Session = session,
        };
        var outcome = await Catalog.SaveChecked(variant, Blank(ifMatch));
        if (outcome is SaveOutcome.Created or SaveOutcome.Replaced && caller is not null)
        {
            if (outcome == SaveOutcome.Created && caller.StudentId is { } student)
                await grains.GetGrain<IClassSessionGrain>(session!).VariantSaved(student, spec.Id);
            await audit.RecordAsync(caller, outcome == SaveOutcome.Created ? "saved" : "replaced", spec.Id, session);
        }
        return outcome;
    }

    public Task<SavedVariant[]> ListAsync() => Catalog.List();

    public Task<SavedVariant?> GetAsync(string id) => Catalog.Get(id);

    /// <summary>Deletes a saved variant; false when there was none.</summary>
    /// <exception cref="RoleRefusedException">The caller may not delete it.</exception>
    public async Task<bool> RemoveAsync(string id)
    {
        var caller = quotas.Current;
        if (await GetAsync(id) is not { } existing)
            return false;
        if (caller is not null && !await MayChangeAsync(caller, existing))
            throw new RoleRefusedException($"The variant '{id}' is someone else's; you may read it but not delete it.");
        if (!await Catalog.Remove(id))
            return false;
        if (existing.Session is { } session)
            await grains.GetGrain<IClassSessionGrain>(session).VariantDeleted(id);
        if (caller is not null)
            await audit.RecordAsync(caller, "deleted", id, existing.Session);
        return true;
    }

    /// <summary>Whether <paramref name="caller"/> may replace or delete <paramref name="saved"/>.</summary>
    public async Task<bool> MayChangeAsync(Caller caller, SavedVariant saved)
    {
        if (caller.IsOperator || saved.Owner is { } owner && owner == caller.Id)
            return true;
        if (saved.Session is { } session && caller.Is(Roles.Trainer)
            && await grains.GetGrain<IClassSessionGrain>(session).Get() is { } view && view.Info.Trainer == caller.Id)
            return true;
        return saved.Owner is null && !caller.IsStudent;
    }

    /// <summary>The variant file of a saved variant: the text saved, or (saved before texts were kept) its spec written out.</summary>
    public static string YamlOf(SavedVariant saved) => saved.Yaml ?? VariantYaml.Write(saved.Spec);

    /// <summary>Whether the editor can reopen it: its text is what the editor writes for its spec (not a hand-written PUT).</summary>
    public static bool Editable(SavedVariant saved) => saved.Yaml is null || saved.Yaml == VariantYaml.Write(saved.Spec);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
