using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Tests.Access;

/// <summary>A dashboard (loopback, no sign-in) whose limits are set low, so a few requests reach them.</summary>
public sealed class LimitedDashboard : DashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Relations:Limits:RunsPerMinute", "3");
        builder.UseSetting("Relations:Limits:SweepRunsPerMinute", "4");
    }
}

/// <summary>
/// Limits per identity: over a minute's allowance the answer is 429 with a sentence and Retry-After, and nothing
/// starts; the loopback user is limited like anyone; a student cannot start more runs than the trainer allows.
/// </summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private readonly LimitedDashboard dashboard = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [Fact]
    public async Task Over_quota_requests_get_429_with_Retry_After_and_nothing_starts()
    {
        var local = dashboard.CreateClient();
        var registry = dashboard.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunRegistryGrain>("all");
        // The session's base run is the first of the three runs a minute allows the loopback user (the trainer here).
        var code = await ClassClients.OpenAsync(local, runsPerStudent: 1);
        await DashboardFactory.PostScenarioIdAsync(local, ClassClients.Base);
        await DashboardFactory.PostScenarioIdAsync(local, ClassClients.Base);
        var runsBefore = (await registry.Latest(0, 1)).Total;

        using var over = await local.PostAsJsonAsync("/api/runs", new { scenarioId = ClassClients.Base });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var retryAfter = int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var detail = JsonDocument.Parse(await over.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
        Assert.Equal($"You have started as many runs as one person may in a minute here (3), so nothing was started; try again in {retryAfter} s.", detail);

        // A sweep of 2 × 3 = 6 runs is more than a minute's 4: refused whole, in a sentence.
        using var sweep = await local.PostAsJsonAsync("/api/sweeps", new { scenarioId = ClassClients.Base, set = new { kappa = new[] { 5, 10 }, halfLifeDays = new[] { 365, 540, 730 } } });
        Assert.Equal(HttpStatusCode.TooManyRequests, sweep.StatusCode);
        Assert.Contains("6 sweep runs at once", await sweep.Content.ReadAsStringAsync());

        // A student's allowance is the trainer's: one run in this session; the second is refused and starts nothing.
        var student = dashboard.CreateClient();
        await ClassClients.JoinAsync(student, code, "Dũng");
        await ClassClients.SaveAndRunAsync(student, code, "dung-1", 400);
        using var second = await student.PostAsJsonAsync($"/api/sessions/{code}/runs", new { variantId = "dung-1" });
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("as many as your trainer allows", await second.Content.ReadAsStringAsync());
        Assert.Equal(runsBefore + 1, (await registry.Latest(0, 1)).Total);
    }
}
