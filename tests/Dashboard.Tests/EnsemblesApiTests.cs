using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Relations.Dashboard.Ensembles;
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
        await Job(id).Completion;

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
        await Job(id).Completion;

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

    [Fact]
    public async Task A_bad_sweep_setting_is_a_400_naming_the_key_and_an_unknown_sweep_a_404()
    {
        using var bad = await client.PostAsJsonAsync("/api/sweeps", new { scenarioId = ScenarioId, set = new Dictionary<string, double[]> { ["kappa"] = [0] } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kappa", await bad.Content.ReadAsStringAsync());
        using var missing = await client.GetAsync("/api/sweeps/sweep-none-00000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private EnsembleJob Job(string id) => dashboard.Services.GetRequiredService<EnsembleJobs>().Find(id)!;

    private static Scenario Scenario() => new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, ScenarioId + ".yaml"));

    private async Task<string> PostAsync(string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} answered {(int)response.StatusCode}: {text}");
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
