using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Access;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Pages;

/// <summary>For operators: the local accounts — add trainers, analysts and other operators, remove accounts.</summary>
public sealed class AccountsModel(AccountService accounts, AuditLog audit) : PageModel
{
    public IReadOnlyList<LocalAccount> Accounts { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync() => Accounts = await accounts.ListAsync();

    public async Task<IActionResult> OnPostAddAsync(string? name, string? role, string? password)
    {
        var caller = Caller.Of(User);
        Problem = await accounts.AddAsync(name ?? "", role ?? "", password ?? "", caller.Name);
        if (Problem is null)
        {
            Notice = name!.Trim().ToLowerInvariant();
            await audit.RecordAsync(caller, "added account", name!.Trim().ToLowerInvariant());
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string name)
    {
        var caller = Caller.Of(User);
        if (caller.Id == $"account:{name}")
            Problem = "You cannot remove your own account while signed in with it.";
        else if (await accounts.RemoveAsync(name))
            await audit.RecordAsync(caller, "removed account", name);
        await OnGetAsync();
        return Page();
    }
}
