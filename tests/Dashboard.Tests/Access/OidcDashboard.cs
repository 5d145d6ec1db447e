using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Relations.Dashboard.Tests.Access;

/// <summary>The dashboard in process with sign-in through the tests' OpenID Connect provider.</summary>
public sealed class OidcDashboard(TestIdentityProvider provider, params (string Key, string Value)[] settings) : DashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Relations:Oidc:Authority", provider.Url);
        builder.UseSetting("Relations:Oidc:ClientId", TestIdentityProvider.ClientId);
        builder.UseSetting("Relations:Oidc:ClientSecret", TestIdentityProvider.ClientSecret);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A client that follows no redirect by itself and keeps the dashboard's cookies.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Signs in as a person with <paramref name="role"/> the way a browser does: the dashboard's challenge leads to the
    /// provider, where the person is signed in already, whose answer (a code) comes back to the dashboard's callback.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string user, string role)
    {
        var dashboard = Anonymous();
        using var challenge = await dashboard.GetAsync("/variants");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        (await browser.GetAsync($"{provider.Url}login?user={user}&role={role}")).EnsureSuccessStatusCode();
        using var authorized = await browser.GetAsync(challenge.Headers.Location);
        Assert.True(authorized.StatusCode == HttpStatusCode.Redirect, $"the provider answered {(int)authorized.StatusCode}: {await authorized.Content.ReadAsStringAsync()}");
        using var callback = await dashboard.GetAsync(authorized.Headers.Location!.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"the callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/variants", callback.Headers.Location!.OriginalString);
        return dashboard;
    }
}
