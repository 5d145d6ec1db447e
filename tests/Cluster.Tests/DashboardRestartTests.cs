using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// The dashboard process — the main command, with a silo of its own on Azure Table storage — SIGKILLed part-way
/// through a run it was asked for, and started again on the same storage: it answers HTTP within seconds while it
/// resumes the run in the background, and the run ends equal to the reference engine.
/// </summary>
public sealed class DashboardRestartTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Pairs = 60;
    private const int PerPair = 300;

    private LocalAzurite azurite = null!;
    private readonly List<ProgramProcess> dashboards = [];

    public async Task InitializeAsync() => azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());

    public async Task DisposeAsync()
    {
        foreach (var dashboard in dashboards)
        {
            await dashboard.DisposeAsync();
            // Shown when the test fails: what each dashboard said, last lines first to read.
            log.WriteLine($"dashboard {dashboard.Id} said:\n{string.Join('\n', dashboard.Output().Split('\n').TakeLast(40))}");
        }
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_run_survives_its_dashboard_being_SIGKILLed_and_equals_the_reference_after_a_restart()
    {
        var yaml = LongScenario();
        // A checkpoint every 10 of its 300 yearly slices: the killed run has some behind it.
        var first = await StartDashboardAsync();
        using var http = new HttpClient { BaseAddress = BaseUrl(first) };
        using var created = await http.PostAsync("/api/runs", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var runId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var run = await StatusAsync(http, runId);
        var deadline = Stopwatch.StartNew();
        while (run.GetProperty("status").GetString() == "running" && run.GetProperty("slicesDone").GetInt32() < 25 && deadline.Elapsed < TimeSpan.FromMinutes(2))
            run = await StatusAsync(http, runId);
        Assert.Equal("running", run.GetProperty("status").GetString());
        log.WriteLine($"killed at slice {run.GetProperty("slicesDone").GetInt32()} of {run.GetProperty("slicesTotal").GetInt32()}");
        first.Kill();

        var clock = Stopwatch.StartNew();
        var second = await StartDashboardAsync();
        using var again = new HttpClient { BaseAddress = BaseUrl(second) };
        using (var home = await again.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var answered = clock.Elapsed;
        log.WriteLine($"the restarted dashboard answered HTTP {answered.TotalSeconds:0.0} s after it was started");
        Assert.True(answered < TimeSpan.FromSeconds(60), $"the restarted dashboard took {answered.TotalSeconds:0} s to answer");

        run = await StatusAsync(again, runId);
        while (run.GetProperty("status").GetString() == "running" && clock.Elapsed < TimeSpan.FromMinutes(4))
            run = await StatusAsync(again, runId);
        log.WriteLine($"the run completed {clock.Elapsed.TotalSeconds:0.0} s after the restart began");
        Assert.Equal("completed", run.GetProperty("status").GetString());

        var reference = ReferenceEvaluator.Evaluate(new ScenarioLoader().CheckText("long.yaml", yaml, Path.GetTempPath()).Scenario!);
        var rows = (await again.GetStringAsync($"/api/runs/{runId}/series.csv"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        var expected = reference.Dyads.SelectMany(d => d.Scores).ToList();
        Assert.Equal(expected.Count, rows.Count);
        var worst = rows.Select((row, i) => Math.Abs(expected[i] - double.Parse(row.Split(',')[3], CultureInfo.InvariantCulture))).Max();
        Assert.True(worst <= 1e-9, $"the series differ from the reference by up to {worst:E2}");
    }

    private async Task<ProgramProcess> StartDashboardAsync()
    {
        var dashboard = await ProgramProcess.StartDashboardAsync(azurite.ConnectionString, "--checkpoint-every", "10");
        dashboards.Add(dashboard);
        return dashboard;
    }

    private static Uri BaseUrl(ProgramProcess dashboard) => new(dashboard.ReadyLine["Relations dashboard: ".Length..].Trim());

    /// <summary>The run's status; asked again after a short wait for a change, as a watching page does.</summary>
    private static async Task<JsonElement> StatusAsync(HttpClient http, string runId)
    {
        await Task.Delay(100);
        return JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{runId}")).RootElement;
    }

    /// <summary>60 border pairs over three centuries (300 yearly slices), each with 300 visits spread over the period.</summary>
    private static string LongScenario()
    {
        var yaml = new StringBuilder("""
            id: three-centuries
            title: "Three centuries of visits"
            period: { from: 1900-01-01, to: 2199-12-31 }
            sources:
              - { id: s, title: "Generated" }
            actors:

            """);
        for (var i = 0; i < Pairs; i++)
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: vn{i}, kind: province, country: VN, name: \"VN {i}\" }}\n  - {{ id: cn{i}, kind: province, country: CN, name: \"CN {i}\" }}\n");
        yaml.Append("events:\n");
        for (var i = 0; i < Pairs; i++)
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ date: {{ from: 1900-01-01, to: 2199-12-31 }}, count: {PerPair}, kind: visit, between: [vn{i}, cn{i}], source: s }}\n");
        return yaml.ToString();
    }
}
