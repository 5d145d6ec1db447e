using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Relations.Dashboard.Hosting;

namespace Relations.Dashboard.Access;

/// <summary>
/// Sign-in and roles (issue 21): one sign-in cookie for everyone (local accounts, OpenID Connect and students who
/// joined a session alike), the roles' policies, and data-protection keys kept in the cluster so that every dashboard
/// of a cluster reads every other's cookies and antiforgery tokens.
/// </summary>
public static class AccessSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CookieName = "relations.signin";

    public static void AddAccess(this WebApplicationBuilder builder, RelationsOptions options)
    {
        var mode = options.SignInMode;
        var services = builder.Services;
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = mode == SignInMode.None ? LoopbackAuthentication.SchemeName : CookieScheme;
            o.DefaultChallengeScheme = mode == SignInMode.Oidc ? OidcScheme : mode == SignInMode.None ? LoopbackAuthentication.SchemeName : CookieScheme;
            o.DefaultSignInScheme = CookieScheme;
            o.DefaultForbidScheme = mode == SignInMode.None ? LoopbackAuthentication.SchemeName : CookieScheme;
        });
        authentication.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            // Lax: a form or fetch from another site never carries it (CSRF), a link followed to the dashboard does.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.Events.OnRedirectToLogin = context =>
            {
                if (IsApi(context.Request))
                    return WriteUnauthorizedAsync(context.HttpContext);
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context => WriteForbiddenAsync(context.HttpContext);
        });
        if (mode == SignInMode.None)
            authentication.AddScheme<AuthenticationSchemeOptions, LoopbackAuthentication>(LoopbackAuthentication.SchemeName, null);
        if (mode == SignInMode.Oidc)
            authentication.AddOpenIdConnect(OidcScheme, o => ConfigureOidc(o, options.Oidc));

        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            o.AddPolicy(Policies.Operator, p => p.RequireRole(Roles.Operator));
            o.AddPolicy(Policies.Trainer, p => p.RequireRole(Roles.Trainer, Roles.Operator));
            o.AddPolicy(Policies.Analyst, p => p.RequireRole(Roles.Analyst, Roles.Operator));
            o.AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Accounts));
        });
        services.AddHttpContextAccessor();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Quotas>();

        // One key ring for every dashboard of the cluster, kept by a grain (its state in the cluster's storage).
        services.AddDataProtection().SetApplicationName("relations-dashboard");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new ClusterKeyRepository(provider.GetRequiredService<IGrainFactory>())));
        // The key ring is stored unencrypted in the cluster's storage, which is the secret to guard (docs/cluster.md).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    private static void ConfigureOidc(OpenIdConnectOptions o, OidcSettings settings)
    {
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // The answer comes back as a top-level GET, so the Lax correlation cookies go with it.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // A provider on loopback (a test's, or one beside the dashboard) may speak plain HTTP; any other must use HTTPS.
        o.RequireHttpsMetadata = ListenAddresses.FirstReachable(settings.Authority ?? "") is not null;
        o.MapInboundClaims = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("roles");
        o.TokenValidationParameters.NameClaimType = "name";
        o.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        o.Events.OnRedirectToIdentityProvider = context =>
        {
            if (!IsApi(context.Request))
                return Task.CompletedTask;
            context.HandleResponse();
            return WriteUnauthorizedAsync(context.HttpContext);
        };
        o.Events.OnTokenValidated = context =>
        {
            // The cookie keeps the dashboard's own claims: an id, a name and the roles it knows.
            var token = context.Principal!;
            var subject = token.FindFirst("sub")?.Value ?? throw new InvalidOperationException("the provider's ID token has no subject");
            var roles = token.FindAll(settings.RoleClaim).Select(c => c.Value).Where(Roles.All.Contains).Distinct().ToList();
            if (roles.Count == 0)
                roles.Add(settings.DefaultRole);
            var name = token.FindFirst("name")?.Value ?? token.FindFirst("preferred_username")?.Value ?? subject;
            context.Principal = AccessClaims.Principal(OidcScheme, $"oidc:{subject}", name, roles);
            return Task.CompletedTask;
        };
    }

    /// <summary>Whether a request is the JSON API's (answered 401/403 in words, never redirected to a sign-in page).</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task WriteUnauthorizedAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync("Sign in first: this dashboard asks who you are.\n");
    }

    public static Task WriteForbiddenAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync("Your role does not allow this.\n");
    }

    /// <summary>Signs in, authorizes, and refuses unsafe API requests a page of another origin sent with the cookie.</summary>
    public static void UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (http, next) =>
        {
            if (IsApi(http.Request) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && http.Request.Headers.Origin.ToString() is { Length: > 0 } origin
                && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"A page of {origin} may not change anything here (cross-origin request refused).\n");
                return;
            }
            await next(http);
        });
        app.UseAuthorization();
    }
}
