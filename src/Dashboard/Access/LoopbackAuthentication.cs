using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Relations.Dashboard.Access;

/// <summary>
/// Sign-in where none is configured (loopback only): whoever reaches the dashboard is its one local user, with every
/// staff role — unless they joined a class session in this browser, when their join cookie says who they are.
/// </summary>
public sealed class LoopbackAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "loopback";

    /// <summary>The one local user's identity.</summary>
    public const string LocalId = "local";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var cookie = await Context.AuthenticateAsync(AccessSetup.CookieScheme);
        if (cookie.Succeeded)
            return cookie;
        var user = AccessClaims.Principal(SchemeName, LocalId, "local user", Roles.Accounts);
        return AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AccessSetup.WriteForbiddenAsync(Context);
}
