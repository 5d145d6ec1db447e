using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Pages;

/// <summary>Who saved, replaced, deleted or ran what, and when: a trainer's sessions for a trainer, everything for an operator.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await audit.LatestAsync(Caller.Of(User), 500);
}
