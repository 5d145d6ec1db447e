using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Relations.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Relations.Dashboard.Tests.Access;

/// <summary>
/// A real OpenID Connect provider for the tests (OpenIddict's server in degraded mode: no database; this class checks
/// the one client itself) on a free loopback port. Who signs in is chosen at <c>/login?user=NAME&amp;role=ROLE</c>, which
/// sets the provider's own cookie, as a person would sign in at their institution; the authorization endpoint then
/// issues a code for that user, with their name and role in the ID token. Stopped when disposed.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    public const string ClientId = "relations-dashboard";
    public const string ClientSecret = "a secret only the test knows";
    private const string UserCookie = "idp.user";

    private WebApplication app = null!;

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Url = $"http://127.0.0.1:{ClusterAddress.FreeLoopbackPort()}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(new Uri(Url));
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "unknown client");
                else if (context.RedirectUri is not { } redirect || !redirect.EndsWith("/signin-oidc", StringComparison.Ordinal))
                    context.Reject(Errors.InvalidRequest, "unexpected redirect_uri");
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                    context.Reject(Errors.InvalidClient, "bad client credentials");
                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.HandleAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var http = context.Transaction.GetHttpRequest()!.HttpContext;
                if (http.Request.Cookies[UserCookie] is not { } who || who.Split('|') is not [var name, var role])
                {
                    context.Reject(Errors.LoginRequired, "nobody signed in at the provider");
                    return default;
                }
                var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
                identity.AddClaim(new Claim(Claims.Subject, name).SetDestinations(Destinations.IdentityToken, Destinations.AccessToken));
                identity.AddClaim(new Claim(Claims.Name, name).SetDestinations(Destinations.IdentityToken));
                identity.AddClaim(new Claim(Claims.Role, role).SetDestinations(Destinations.IdentityToken));
                var principal = new ClaimsPrincipal(identity);
                principal.SetScopes(context.Request.GetScopes());
                context.SignIn(principal);
                return default;
            }));
        });
        app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", (string user, string role, HttpContext http) =>
        {
            http.Response.Cookies.Append(UserCookie, $"{user}|{role}");
            return Results.Text($"signed in at the provider as {user} ({role})");
        });
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
