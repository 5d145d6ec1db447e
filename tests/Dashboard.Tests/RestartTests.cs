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
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
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
        Assert.Contains((await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IRunRegistryGrain>("all").Latest(0, 1000)).Runs, r => r.RunId == runId);
    }
    [Fact]
    public async Task A_large_upload_runs_on_durable_storage_and_equals_the_reference()
    {
        // About 1 MB of YAML, just under the upload limit: its parsed scenario is several times larger than a table
        // entity holds (960 KiB) and even its text is larger, so the run stores its source text, deflated.
        var yaml = new System.Text.StringBuilder("""
            id: large-upload
            title: "A large upload"
            period: { from: 2013-01-01, to: 2026-12-31 }
            sources:
              - { id: s, title: "Generated" }
            actors:
              - { id: lao-cai, kind: province, country: VN, name: "Lào Cai" }
              - { id: yunnan, kind: province, country: CN, name: "Vân Nam" }
            events:

            """);
        for (var i = 0; i < 2000; i++)
        {
            var day = new DateOnly(2013, 1, 1).AddDays(i * 5 % 5000);
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ id: e{i}, date: {day:yyyy-MM-dd}, kind: {(i % 3 == 0 ? "visit" : "consult")}, between: [lao-cai, yunnan], source: s, note: \"{new string('x', 400)} {i}\" }}\n");
        }
        var text = yaml.ToString();
        Assert.InRange(text.Length, 990_000, 1_040_000);

        await using var dashboard = new DurableDashboard(azurite.ConnectionString);
        var client = dashboard.CreateClient();
        var runId = await DashboardFactory.PostYamlAsync(client, text);
        await dashboard.WaitForRunAsync(runId);

        var reference = Relations.Model.Evaluation.ReferenceEvaluator.Evaluate(
            new Relations.Model.Scenarios.ScenarioLoader().CheckText("large-upload.yaml", text, Path.GetTempPath()).Scenario!);
        var rows = (await client.GetStringAsync($"/api/runs/{runId}/series.csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        var expected = reference.Dyads.Single();
        Assert.Equal(expected.Strengths.Count, rows.Count);
        for (var t = 0; t < rows.Count; t++)
        {
            var score = double.Parse(rows[t].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(expected.Scores[t] - score) <= 1e-9, $"{rows[t]}: reference score {expected.Scores[t]}");
        }
    }
}
