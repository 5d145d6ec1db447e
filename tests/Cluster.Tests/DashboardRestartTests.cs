using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// The dashboard process — the main command, with a silo of its own on Azure Table storage — stopped part-way through
/// work it was asked for, and started again on the same storage: a run SIGKILLed with it resumes in the background
/// while the new dashboard answers HTTP within seconds, and ends equal to the reference engine; an ensemble stopped
/// with it goes on in the new one and shows there completed, bit for bit the <c>--engine fast</c> ensemble.
/// </summary>
public sealed class DashboardRestartTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Pairs = 60;
    private const int PerPair = 300;

    private TestProcesses processes = null!;

    public async Task InitializeAsync() => processes = await TestProcesses.StartAsync(log);

    public async Task DisposeAsync() => await processes.DisposeAsync();

    [Fact]
    public async Task A_run_survives_its_dashboard_being_SIGKILLed_and_equals_the_reference_after_a_restart()
    {
        var yaml = LongScenario();
        // A checkpoint every 10 of its 300 yearly slices: the killed run has some behind it.
        var first = await StartDashboardAsync();
        using var http = new HttpClient { BaseAddress = first.DashboardUrl };
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
        using var again = new HttpClient { BaseAddress = second.DashboardUrl };
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

    [Fact]
    public async Task An_ensemble_whose_dashboard_is_stopped_part_way_shows_completed_in_the_next_dashboard_equal_to_the_fast_ensemble()
    {
        const string scenario = "border-2013-2026";
        const int draws = 1000, seed = 11;
        var fast = RelationsCli.FastEnsembleAsync($"scenarios/{scenario}.yaml", draws, seed);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var first = await StartDashboardAsync();
        using var http = new HttpClient { BaseAddress = first.DashboardUrl };
        using var posted = await http.PostAsJsonAsync("/api/runs", new { scenarioId = scenario, draws, seed });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var jobId = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/jobs/{jobId}", posted.Headers.Location?.OriginalString);

        // Stopped (SIGTERM, as a service manager stops it) once the job's progress shows draws folded.
        JsonElement? partWay = null;
        await foreach (var pushed in ServerEvents.FollowAsync(http, $"/api/jobs/{jobId}/events", deadline.Token))
        {
            Assert.Equal("running", pushed.GetProperty("status").GetString());
            if (pushed.GetProperty("done").GetInt32() > 0)
            {
                partWay = pushed;
                break;
            }
        }
        Assert.NotNull(partWay);
        var clock = Stopwatch.StartNew();
        await first.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        log.WriteLine($"dashboard stopped with {partWay.Value.GetProperty("done").GetInt32()} of {draws} draws done, {clock.Elapsed.TotalSeconds:0.0} s after it was told to");

        var second = await StartDashboardAsync();
        log.WriteLine($"the next dashboard answers {clock.Elapsed.TotalSeconds:0.0} s after the stop began");
        using var again = new HttpClient { BaseAddress = second.DashboardUrl };
        var ended = await ServerEvents.UntilEndedAsync(again, $"/api/jobs/{jobId}/events", deadline.Token);
        log.WriteLine($"the job ended {clock.Elapsed.TotalSeconds:0.0} s after the stop began");
        Assert.True(ended.GetProperty("status").GetString() == "completed", $"the job ended {ended}");
        var job = JsonDocument.Parse(await again.GetStringAsync($"/api/jobs/{jobId}")).RootElement;
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(draws, job.GetProperty("draws").GetInt32());
        Assert.Equal(job.GetProperty("total").GetInt32(), job.GetProperty("done").GetInt32());
        // It ended after the dashboard that started it had gone: the new one's silo took it up.
        Assert.True(job.GetProperty("endedAt").GetDateTimeOffset() > stoppedAt, $"the job ended at {job.GetProperty("endedAt")}, before the dashboard was stopped at {stoppedAt:O}");
        Assert.Equal(await fast, await again.GetByteArrayAsync(job.GetProperty("files").GetProperty("ensemble.csv").GetString()));
        var page = await again.GetStringAsync(job.GetProperty("page").GetString());
        Assert.Contains("id=\"bands\"", page);
        Assert.DoesNotContain("id=\"job-progress\"", page);
    }

    private async Task<ProgramProcess> StartDashboardAsync() => await processes.DashboardAsync("--checkpoint-every", "10");

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
