using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Relations.Dashboard.Tests;

/// <summary>A dashboard whose result cache fails on every use, so that any run page or file request fails inside.</summary>
public sealed class BrokenCacheDashboard : DashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IMemoryCache, BrokenCache>());
    }

    private sealed class BrokenCache : IMemoryCache
    {
        public ICacheEntry CreateEntry(object key) => throw Secret();
        public void Remove(object key) => throw Secret();
        public bool TryGetValue(object key, [NotNullWhen(true)] out object? value) => throw Secret();
        public void Dispose() { }

        private static InvalidOperationException Secret() => new("secret internals at /srv/relations/keys");
    }
}

/// <summary>Failures show a plain message: problem details under /api, a short page elsewhere, never a stack trace.</summary>
public sealed class FailureTests(BrokenCacheDashboard dashboard) : IClassFixture<BrokenCacheDashboard>
{
    [Fact]
    public async Task Internal_failure_shows_a_plain_message_and_no_stack_trace()
    {
        var client = dashboard.CreateClient();
        var id = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await dashboard.WaitForRunAsync(id);

        foreach (var url in new[] { $"/api/runs/{id}/series.csv", $"/en/runs/{id}" })
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains("Something went wrong on the server", body);
            Assert.DoesNotContain("secret internals", body);
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain(" at Relations.", body);
        }
    }
}
