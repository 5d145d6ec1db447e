using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Access;
using Relations.Dashboard.Hosting;

namespace Relations.Dashboard.Pages;

/// <summary>
/// Signing in: with OpenID Connect, straight on to the institution's provider; with local accounts, a name and a
/// password checked against the cluster's accounts; without sign-in (loopback), back to the start page.
/// </summary>
public sealed class SignInModel(AccountService accounts, IOptions<RelationsOptions> options) : PageModel
{
    [BindProperty, Required]
    public string Name { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? Problem { get; private set; }

    public IActionResult OnGet(string? returnUrl) => options.Value.SignInMode switch
    {
        SignInMode.Oidc => Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, AccessSetup.OidcScheme),
        SignInMode.None => LocalRedirect(Local(returnUrl)),
        _ => Page(),
    };

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (options.Value.SignInMode != SignInMode.Accounts)
            return NotFound();
        if (!ModelState.IsValid || await accounts.CheckAsync(Name, Password) is not { } account)
        {
            Problem = "The name or the password is not right.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await HttpContext.SignInAsync(AccessSetup.CookieScheme,
            AccessClaims.Principal(AccessSetup.CookieScheme, $"account:{account.Name}", account.Name, [account.Role]));
        return LocalRedirect(Local(returnUrl));
    }

    private string Local(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
