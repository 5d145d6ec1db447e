using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Hosting;

namespace Relations.Dashboard.Tests;

/// <summary>A dashboard that keeps its co-hosted silo's state in Azure Table storage (here a local Azurite).</summary>
public sealed class DurableDashboard(string connectionString) : DashboardFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Relations:Storage", "azure");
        builder.UseSetting("Relations:ConnectionString", connectionString);
    }
}

/// <summary>Restarting the dashboard on the same durable storage: saved variants and finished runs are still there.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private LocalAzurite azurite = null!;

    public async Task InitializeAsync()
    {
        var tools = LocalAzurite.FindToolDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("tools/azurite not found above " + AppContext.BaseDirectory);
        azurite = await LocalAzurite.StartAsync(tools);
    }

    public async Task DisposeAsync() => await azurite.DisposeAsync();

    [Fact]
    public async Task Saved_variant_and_finished_run_survive_a_restart_on_durable_storage()
    {
        var spec = new VariantSpec("kept-across-restarts", "Kept across restarts", null, "lao-cai-hekou-youth", "lao-cai-hekou-youth.yaml",
            ["covid-19"], [], [new ModelSetting("halfLifeDays", 400)]);
        string runId;
        string csvBefore;
        await using (var first = new DurableDashboard(azurite.ConnectionString))
        {
            var client = first.CreateClient();
            runId = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
            await first.WaitForRunAsync(runId);
            csvBefore = await client.GetStringAsync($"/api/runs/{runId}/series.csv");
            await first.Services.GetRequiredService<VariantStore>().SaveAsync(spec, null, null);
        }

        await using var second = new DurableDashboard(azurite.ConnectionString);
        var again = second.CreateClient();
        Assert.Contains("data-variant=\"kept-across-restarts\"", await again.GetStringAsync("/variants"));
        Assert.Equal(VariantYaml.Write(spec), await again.GetStringAsync("/variants/kept-across-restarts.yaml"));
        Assert.Equal(csvBefore, await again.GetStringAsync($"/api/runs/{runId}/series.csv"));
        Assert.Contains("Thành đoàn Lào Cai", await again.GetStringAsync($"/runs/{runId}"));
        Assert.Contains(await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunRegistryGrain>("all").List(), r => r.RunId == runId);
    }
}
