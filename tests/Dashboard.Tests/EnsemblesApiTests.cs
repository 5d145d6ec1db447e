using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests;

/// <summary>Ensembles (<c>POST /api/runs</c> with draws) and sweeps over HTTP, against a dashboard with its own silo.</summary>
public sealed class EnsemblesApiTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private const string ScenarioId = "lao-cai-hekou-youth";
    private readonly HttpClient client = dashboard.CreateClient();

    [Fact]
    public async Task An_ensemble_posted_with_draws_serves_ensemble_csv_whose_means_are_those_of_the_replays_with_seeds_S_plus_i()
    {
        var id = await PostAsync("/api/runs", new { scenarioId = ScenarioId, draws = 3, seed = 4 });
        await CompletedAsync(id);

        var rows = Rows(await client.GetStringAsync($"/api/runs/{id}/ensemble.csv"));
        var scenario = Scenario();
        var draws = Enumerable.Range(4, 3).Select(seed => ReferenceEvaluator.Evaluate(scenario, SampleStep.Month, seed)).ToList();
        Assert.Equal(draws[0].Dyads.Count * draws[0].Dates.Count, rows.Count);
        foreach (var row in rows)
        {
            var dyad = new Dyad(row["actor_a"], row["actor_b"]);
            var day = draws[0].Dates.ToList().IndexOf(DateOnly.Parse(row["date"], System.Globalization.CultureInfo.InvariantCulture));
            var mean = draws.Average(d => d.Dyads.Single(s => s.Dyad == dyad).Scores[day]);
            Assert.True(Math.Abs(mean - Number(row["score_mean"])) <= 1e-9, $"{dyad} {row["date"]}");
            Assert.Equal("3", row["draws"]);
        }
        var png = await client.GetByteArrayAsync($"/api/runs/{id}/bands.png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }

    [Fact]
    public async Task A_sweep_serves_its_status_sweep_csv_and_sensitivity_csv()
    {
        var id = await PostAsync("/api/sweeps", new { scenarioId = ScenarioId, set = new Dictionary<string, double[]> { ["kappa"] = [5, 10] } });
        await CompletedAsync(id);

        var status = JsonDocument.Parse(await client.GetStringAsync($"/api/sweeps/{id}")).RootElement;
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("cells").GetInt32());
        var rows = Rows(await client.GetStringAsync($"/api/sweeps/{id}/sweep.csv"));
        var scenario = Scenario();
        var expected = ReferenceEvaluator.Evaluate(scenario with { Model = scenario.Model with { Kappa = 10 } });
        foreach (var row in rows.Where(r => r["cell"] == "1"))
        {
            Assert.Equal("10", row["kappa"]);
            var day = expected.Dates.ToList().IndexOf(DateOnly.Parse(row["date"], System.Globalization.CultureInfo.InvariantCulture));
            var strength = expected.Dyads.Single(d => d.Dyad == new Dyad(row["actor_a"], row["actor_b"])).Strengths[day];
            Assert.True(Math.Abs(strength - Number(row["strength"])) <= 1e-9);
        }
        Assert.StartsWith("actor_a,actor_b,key,swing", await client.GetStringAsync($"/api/sweeps/{id}/sensitivity.csv"));
    }

    public static TheoryData<string, string, string> OutOfRange() => Relations.Model.Tests.TestSupport.ParameterEdges.Theory();

    /// <summary>Issue 18: every value of POST /api/sweeps meets the scenario file's rule for its key, or is a 400 naming the key and its range.</summary>
    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Every_model_parameter_out_of_its_range_is_a_400_naming_it_and_its_range(string key, string value, string range)
    {
        using var content = new StringContent($$$"""{"scenarioId": "{{{ScenarioId}}}", "set": {"{{{key}}}": [{{{value}}}]}}""", System.Text.Encoding.UTF8, "application/json");
        using var answer = await client.PostAsync("/api/sweeps", content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadAsStringAsync();
        Assert.Contains($"set {key}: {value} is outside its range", problem);
        Assert.Contains(range, problem);
    }

    [Fact]
    public async Task A_bad_sweep_setting_is_a_400_naming_the_key_and_an_unknown_sweep_a_404()
    {
        using var bad = await client.PostAsJsonAsync("/api/sweeps", new { scenarioId = ScenarioId, set = new Dictionary<string, double[]> { ["kappa"] = [0] } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kappa", await bad.Content.ReadAsStringAsync());
        using var missing = await client.GetAsync("/api/sweeps/sweep-none-00000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_yaml_sweep_with_draws_streams_its_progress_and_its_pages_show_the_result()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Scenarios, ScenarioId + ".yaml"));
        using var posted = await client.PostAsync("/api/sweeps?set=kappa=5,10&draws=2&seed=3", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await CompletedAsync(id);

        // The event stream of a finished job is one event with the final status, and then it ends.
        using var events = await client.GetAsync($"/api/jobs/{id}/events");
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":\"completed\"", await events.Content.ReadAsStringAsync());
        var header = (await client.GetStringAsync($"/api/sweeps/{id}/sweep.csv")).Split('\n')[0];
        Assert.StartsWith("cell,kappa,actor_a,actor_b,date,strength,score,score_mean,score_sd", header);
        var page = await client.GetStringAsync($"/sweeps/{id}");
        Assert.Contains("id=\"sensitivity\"", page);
        Assert.Contains("kappa", page);
    }

    [Fact]
    public async Task An_ensemble_page_shows_its_bands_and_why_and_bad_requests_are_400_never_500()
    {
        var id = await PostAsync("/api/runs", new { scenarioId = ScenarioId, draws = 4 });
        await CompletedAsync(id);
        var page = await client.GetStringAsync($"/runs/{id}/uncertainty");
        Assert.Contains($"/api/runs/{id}/bands.png?dyad=", page);
        Assert.Contains("id=\"why\"", page);
        using var svg = await client.GetAsync($"/api/runs/{id}/bands.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);

        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/runs", new { scenarioId = ScenarioId, draws = 0 }),
            ("/api/sweeps", new { scenarioId = ScenarioId, set = new Dictionary<string, double[]> { ["kappa"] = [5] }, seed = "x" }),
            ("/api/sweeps", new { scenarioId = ScenarioId, set = new Dictionary<string, double[]> { ["nosuchKey"] = [5] } }),
            ("/api/sweeps", new { scenarioId = "no-such-scenario", set = new Dictionary<string, double[]> { ["kappa"] = [5] } }),
        })
        {
            using var response = await client.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {JsonSerializer.Serialize(body)} answered {(int)response.StatusCode}");
        }
        foreach (var path in new[] { $"/api/runs/{id}/bands.svg?dyad=a~b", $"/runs/{id}/uncertainty?dyad=a~b" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        foreach (var path in new[] { "/sweeps/sweep-none-00000000", "/runs/none-00000000/uncertainty", "/api/jobs/none/events" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    /// <summary>Waits for the job through its grain (no polling loop in the test).</summary>
    private async Task CompletedAsync(string id)
    {
        var status = await dashboard.Services.GetRequiredService<IGrainFactory>().GetGrain<IJobGrain>(id).WaitForCompletion(TimeSpan.FromMinutes(2));
        Assert.True(status.State == JobState.Completed, $"job {id} is {status.State}: {status.Error}");
    }

    private static Scenario Scenario() => new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, ScenarioId + ".yaml"));

    private async Task<string> PostAsync(string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
