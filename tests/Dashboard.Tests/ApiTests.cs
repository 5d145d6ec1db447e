using Relations.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests;

/// <summary>The JSON HTTP API of interfaces.md, against a dashboard with its own silo.</summary>
public sealed class ApiTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private readonly HttpClient client = dashboard.CreateClient();

    [Fact]
    public async Task Scenarios_lists_every_seed_scenario_with_its_title_and_description()
    {
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/scenarios")).RootElement
            .EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);

        var seeds = Directory.GetFiles(RepositoryFiles.Scenarios, "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepositoryFiles.Scenarios, "what-if"), "*.yaml"))
            .Select(file => new ScenarioLoader().Load(file))
            .ToList();
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            Assert.True(listed.TryGetValue(seed.Id, out var entry), $"'{seed.Id}' is not listed");
            Assert.Equal(seed.Title, entry.GetProperty("title").GetString());
            Assert.Equal(seed.Description, entry.GetProperty("description").GetString());
            Assert.Equal(seed.BaseId is null ? "scenario" : "variant", entry.GetProperty("kind").GetString());
        }
        // The shared files are meant to be included (no period), so they are not offered for replay.
        Assert.Equal(seeds.Count, listed.Count);
    }

    [Fact]
    public async Task Uploaded_scenario_replays_through_grains_to_the_reference_series()
    {
        var path = Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml");
        var id = await DashboardFactory.PostYamlAsync(client, await File.ReadAllTextAsync(path));
        await dashboard.WaitForRunAsync(id);

        var csv = await client.GetStringAsync($"/api/runs/{id}/series.csv");
        var reference = ReferenceEvaluator.Evaluate(new ScenarioLoader().Load(path));
        AssertSeriesEqual(reference, csv);
        // The file as interfaces.md gives it starts with its header; the pages' download link (?bom=1) puts UTF-8's
        // byte-order mark before the same bytes, so Excel reads the Vietnamese names as UTF-8.
        var plain = await client.GetByteArrayAsync($"/api/runs/{id}/series.csv");
        var forExcel = await client.GetByteArrayAsync($"/api/runs/{id}/series.csv?bom=1");
        Assert.Equal((byte)'a', plain[0]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, forExcel[..3]);
        Assert.Equal(plain, forExcel[3..]);

        var status = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{id}")).RootElement;
        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(1.0, status.GetProperty("progress").GetDouble());
        Assert.Equal("border-2013-2026", status.GetProperty("scenarioId").GetString());
    }

    [Fact]
    public async Task A_run_stores_its_source_text_not_its_parsed_scenario()
    {
        const string variant = """
            variant: stored-as-source
            base: what-if/no-covid.yaml
            changes:
              model: { halfLifeDays: 400 }
            """;
        var uploaded = await DashboardFactory.PostYamlAsync(client, variant);
        var byId = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await dashboard.WaitForRunAsync(uploaded);
        await dashboard.WaitForRunAsync(byId);

        var grains = dashboard.Services.GetRequiredService<IGrainFactory>();
        var uploadedSource = (await grains.GetGrain<ISimulationGrain>(uploaded).GetRequest())!.Source;
        var byIdSource = (await grains.GetGrain<ISimulationGrain>(byId).GetRequest())!.Source;

        // The upload, the exercise it names as base and the base's own base and includes: every file it read, as text.
        Assert.NotNull(uploadedSource);
        Assert.Contains(uploadedSource.Files, f => f.Text == variant);
        Assert.Contains(uploadedSource.Files, f => f.Path.EndsWith("no-covid.yaml", StringComparison.Ordinal));
        Assert.Contains(uploadedSource.Files, f => f.Path.EndsWith("border-2013-2026.yaml", StringComparison.Ordinal));
        Assert.NotNull(byIdSource);
        Assert.Contains(byIdSource.Files, f => f.Path.EndsWith("lao-cai-hekou-youth.yaml", StringComparison.Ordinal));
        // Rebuilt from that source, the run equals the reference replay of the same text.
        var reference = ReferenceEvaluator.Evaluate(uploadedSource.Load());
        AssertSeriesEqual(reference, await client.GetStringAsync($"/api/runs/{uploaded}/series.csv"));
    }

    [Fact]
    public async Task Uploaded_variant_resolves_its_base_in_the_scenarios_folder()
    {
        const string variant = """
            variant: no-covid-upload
            title: "No COVID-19, uploaded"
            base: border-2013-2026.yaml
            changes:
              remove: [covid-19]
              model: { halfLifeDays: 365 }
            """;
        var id = await DashboardFactory.PostYamlAsync(client, variant);
        await dashboard.WaitForRunAsync(id);

        var csv = await client.GetStringAsync($"/api/runs/{id}/series.csv");
        var (scenario, problems) = new ScenarioLoader().CheckText("no-covid-upload.yaml", variant, RepositoryFiles.Scenarios);
        Assert.Empty(problems);
        AssertSeriesEqual(ReferenceEvaluator.Evaluate(scenario!), csv);
    }

    [Fact]
    public async Task Scenario_id_as_json_starts_a_run_answered_at_once_with_202_and_its_location()
    {
        using var response = await client.PostAsync("/api/runs",
            new StringContent("{\"scenarioId\": \"lao-cai-hekou-youth\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{id}", response.Headers.Location?.ToString());
        await dashboard.WaitForRunAsync(id);

        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{id}/series.json")).RootElement;
        Assert.Equal("lao-cai-hekou-youth", json.GetProperty("scenario").GetProperty("id").GetString());
        Assert.NotEmpty(json.GetProperty("dyads").EnumerateArray());

        using var png = await client.GetAsync($"/api/runs/{id}/plot.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

        using var svg = await client.GetAsync($"/api/runs/{id}/plot.svg?dyad=hekou~lao-cai-city&lang=en");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Name.LocalName);
    }

    [Fact]
    public async Task Invalid_upload_answers_400_problem_details_with_every_problem_line_and_column()
    {
        const string broken = """
            id: broken
            title: "Broken"
            perod: { from: 2020-01-01, to: 2020-12-31 }
            actors:
              - { id: a, kind: province, country: VN }
            events:
              - { date: 2020-02-01, kind: visit, between: [a, c], source: nowhere }
            """;
        using var response = await client.PostAsync("/api/runs", new StringContent(broken, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetInt32(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Line: 3, Column: 1 } && e.Message.Contains("'perod'"));
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("actor 'c'"));
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("source 'nowhere'"));
        Assert.Contains("upload.yaml:3:1", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_cannot_read_files_outside_the_scenarios_folder()
    {
        using var response = await client.PostAsync("/api/runs", new StringContent(
            "variant: peek\nbase: ../../../../../../etc/passwd\n", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("only files inside the scenarios folder", body);
        Assert.DoesNotContain("root:", body);
    }

    [Fact]
    public async Task Upload_larger_than_1_MiB_answers_413_with_a_plain_message()
    {
        var huge = "# " + new string('x', 1024 * 1024) + "\n";
        using var response = await client.PostAsync("/api/runs", new StringContent(huge, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("larger than 1 MiB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scenario_that_expands_past_the_limits_is_refused_before_any_grain_sees_it()
    {
        const string bomb = """
            id: bomb
            period: { from: 2020-01-01, to: 2020-12-31 }
            sources: [{ id: s, title: S }]
            actors:
              - { id: a, kind: province, country: VN }
              - { id: b, kind: province, country: CN }
            events:
              - { date: { from: 2020-01-01, to: 2020-12-31 }, count: 2000000000, kind: visit, between: [a, b], source: s }
            """;
        using var response = await client.PostAsync("/api/runs", new StringContent(bomb, Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_run_and_unknown_scenario_are_answered_plainly()
    {
        using var run = await client.GetAsync("/api/runs/no-such-run-1");
        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal("application/problem+json", run.Content.Headers.ContentType?.MediaType);

        using var page = await client.GetAsync("/en/runs/no-such-run-1");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("There is nothing at this address", await page.Content.ReadAsStringAsync());

        using var scenario = await client.PostAsync("/api/runs", new StringContent("{\"scenarioId\": \"atlantis\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, scenario.StatusCode);
        Assert.Contains("atlantis", await scenario.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hostile_texts_are_encoded_on_the_run_page_and_in_the_plot()
    {
        var id = await DashboardFactory.PostYamlAsync(client, HostileScenario.Yaml);
        await dashboard.WaitForRunAsync(id);

        var page = await client.GetStringAsync($"/en/runs/{id}?explain=a~b&date=2021-06-01");
        foreach (var raw in HostileScenario.Raw)
            Assert.DoesNotContain(raw, page);
        Assert.Contains("&lt;script&gt;alert(", page);
        Assert.Contains("&lt;img src=x onerror=alert(", page);
        Assert.Contains("<h1>&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; &amp; friends</h1>", page);

        var svg = XDocument.Parse(await client.GetStringAsync($"/api/runs/{id}/plot.svg?dyad=a~b"));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "img" or "foreignObject");
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("<script>alert('title')</script>"));
    }

    [Fact]
    public async Task Orleans_dashboard_is_served_under_orleans()
    {
        using var response = await client.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync());
    }

    /// <summary>series.csv equals the reference engine's series: same rows, scores and strengths within 1e-9.</summary>
    private static void AssertSeriesEqual(SeriesResult reference, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("actor_a,actor_b,date,score,score_reported,score_inferred,score_assumed,strength", lines[0]);
        var expected = reference.Dyads.OrderBy(d => d.Dyad)
            .SelectMany(d => reference.Dates.Select((day, i) => (d.Dyad, day, Score: d.Scores[i], Strength: d.Strengths[i],
                Parts: (d.Parts.Reported[i], d.Parts.Inferred[i], d.Parts.Assumed[i]))))
            .ToList();
        Assert.Equal(expected.Count, lines.Length - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            // Ids, dates and numbers hold no commas; the display names after them may.
            var fields = lines[i + 1].Split(',');
            var row = expected[i];
            Assert.Equal(row.Dyad.A, fields[0]);
            Assert.Equal(row.Dyad.B, fields[1]);
            Assert.Equal(row.day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), fields[2]);
            Assert.Equal(row.Score, double.Parse(fields[3], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(row.Parts.Item1, double.Parse(fields[4], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(row.Parts.Item2, double.Parse(fields[5], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(row.Parts.Item3, double.Parse(fields[6], CultureInfo.InvariantCulture), 1e-9);
            Assert.Equal(row.Strength, double.Parse(fields[7], CultureInfo.InvariantCulture), 1e-9);
        }
    }
}
