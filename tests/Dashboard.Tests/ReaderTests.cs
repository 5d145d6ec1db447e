using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests;

/// <summary>
/// A student and an analyst reading one run (issue 12): seed and step shown, the certainty switch, an actor's page,
/// strict query values, the picker's filters, the slider without reload, the skip link, glossary and model pages.
/// </summary>
public sealed class ReaderTests(BrowserDashboard app) : IClassFixture<BrowserDashboard>
{
    private const float RunTimeout = 120_000;

    [Fact]
    public async Task Analyst_uploads_with_seed_and_step_switches_certainty_and_reads_one_actor()
    {
        var page = await app.NewPageAsync();
        var file = Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml");
        await page.GotoAsync("/en/upload");
        await page.Locator("textarea[name=yaml]").FillAsync(await File.ReadAllTextAsync(file));
        await page.Locator("select[name=step]").SelectOptionAsync("year");
        await page.Locator("input[name=seed]").FillAsync("7");
        await page.Locator("#upload-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        var run = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        Assert.Equal("year", await page.Locator("#run-step").InnerTextAsync());
        Assert.Equal("7", await page.Locator("#run-seed").InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "30-run-with-seed");

        // Only what the sources report: another run, equal to the reference engine on the filtered scenario.
        await page.Locator("#certainty-switch button[value=reported]").ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith(run, StringComparison.Ordinal));
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Equal("true", await page.Locator("#certainty-switch button[value=reported]").GetAttributeAsync("aria-pressed"));
        var reportedRun = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var scenario = new ScenarioLoader().Load(file);
        var expected = ReferenceEvaluator.Evaluate(scenario.KeepingCertainty(Certainty.Reported), SampleStep.Year, 7);
        var csv = (await (await page.APIRequest.GetAsync($"/api/runs/{reportedRun}/series.csv")).TextAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.Equal(expected.Dyads.Sum(d => d.Strengths.Count), csv.Count);
        foreach (var series in expected.Dyads)
        {
            var last = csv.Last(l => l.StartsWith($"{series.Dyad.A},{series.Dyad.B},", StringComparison.Ordinal)).Split(',');
            Assert.True(Math.Abs(series.Strengths[^1] - double.Parse(last[7], CultureInfo.InvariantCulture)) <= 1e-9, string.Join(",", last));
        }
        // And back to everything: the first run again, nothing new started.
        await page.Locator("#certainty-switch button[value=assumed]").ClickAsync();
        await page.WaitForURLAsync($"**/runs/{run}");

        // One actor with all its partners; its API gives the same numbers.
        await page.GotoAsync($"/en/runs/{run}/actors/lao-cai-city");
        Assert.Contains("Hekou", await page.Locator("#partners").InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "31-actor");
        var json = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/runs/{run}/actors/lao-cai-city")).TextAsync()).RootElement;
        Assert.Equal("lao-cai-city", json.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("VN", json.GetProperty("actor").GetProperty("country").GetString());
        Assert.Equal("lao-cai", json.GetProperty("actor").GetProperty("parent").GetString());
        var hekou = json.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "hekou");
        var full = ReferenceEvaluator.Evaluate(scenario, SampleStep.Year, 7).Dyads.Single(d => d.Dyad == new Dyad("hekou", "lao-cai-city"));
        Assert.Equal(full.Strengths[^1], hekou.GetProperty("strength").GetDouble(), 9);
        Assert.Equal(full.Strengths.Max(), hekou.GetProperty("peak").GetDouble(), 9);
        // The region grain's count: every occurrence of an event that names the actor.
        Assert.Equal(scenario.Events.Where(e => e.SideA.Contains("lao-cai-city") || e.SideB.Contains("lao-cai-city")).Sum(e => e.Count ?? 1),
            json.GetProperty("occurrences").GetInt32());
        Assert.True(hekou.GetProperty("occurrences").GetInt32() >= 9, "the nine visits reach the dyad");

        // Strict query values, with the reason.
        foreach (var bad in new[] { $"/runs/{run}?dyad=bogus", $"/runs/{run}?lang=fr", $"/api/runs/{run}/plot.png?dyad=bogus", $"/api/runs/{run}/plot.svg?lang=fr" })
        {
            var response = await page.APIRequest.GetAsync(bad);
            Assert.True(response.Status == 400, $"{bad} answered {response.Status}");
            Assert.Contains(bad.Contains("lang") ? "lang=fr" : "dyad=bogus", await response.TextAsync());
        }

        // The runs list tells the runs of one scenario apart by step and seed.
        await page.GotoAsync("/en/runs");
        var row = page.Locator("tr", new() { Has = page.Locator($"a[href='/en/runs/{run}']") });
        Assert.Contains("year", await row.InnerTextAsync());
        Assert.Contains("7", await row.InnerTextAsync());
    }

    [Fact]
    public async Task Student_filters_the_picker_marks_a_point_slides_without_reload_and_finds_the_glossary()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var run = await DashboardFactory.PostScenarioIdAsync(http, "lao-cai-hekou-youth");
        await app.Dashboard.WaitForRunAsync(run);
        var page = await app.NewPageAsync();

        // Progress is pushed as server-sent events; a finished run's stream says so and ends.
        using (var events = await http.GetAsync($"/api/runs/{run}/events"))
        {
            Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
            var stream = await events.Content.ReadAsStringAsync();
            Assert.StartsWith("data: ", stream);
            Assert.Contains("\"status\":\"completed\"", stream);
        }

        await page.GotoAsync($"/en/runs/{run}?name=zzz-nobody");
        Assert.Contains("showing 0 of", await page.Locator("#filter-note").InnerTextAsync());
        await page.GotoAsync($"/en/runs/{run}");
        Assert.Contains("strongest relationships are shown", await page.Locator("#picker-note").InnerTextAsync());

        await page.GotoAsync($"/en/runs/{run}?explain=hekou~lao-cai-city&date=2023-06-01");
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync();
        Assert.Equal("hekou~lao-cai-city", await page.EvaluateAsync<string>("() => relationsCharts.curves.data.mark.key"));
        Assert.Contains("(0…100)", await (await page.APIRequest.GetAsync($"/api/runs/{run}/plot.svg")).TextAsync());

        // The slider swaps the border view in place: the page is not reloaded and the slider keeps focus.
        await page.EvaluateAsync("() => { window.kept = 1; }");
        await page.Locator("#border-slider").FocusAsync();
        await page.Locator("#border-slider").EvaluateAsync("s => { s.value = 20; s.dispatchEvent(new Event('change')); }");
        await BrowserDashboard.WaitForQueryAsync(page, "at", "20");
        var day = JsonDocument.Parse((await page.Locator("#border-slider").GetAttributeAsync("data-dates"))!).RootElement[20].GetString()!;
        await page.Locator($"h2#border[data-date='{day}']").WaitForAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.kept"));
        Assert.Equal("border-slider", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The first Tab reaches the skip link, which leads past the navigation.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.Equal("/assets/favicon.svg", await page.Locator("link[rel=icon]").GetAttributeAsync("href"));
        Assert.Equal(200, (await page.APIRequest.GetAsync("/assets/favicon.svg")).Status);

        await page.GotoAsync("/en/glossary");
        var glossary = await page.Locator("#glossary").InnerTextAsync();
        foreach (var term in new[] { "S — strength index", "R — score", "Impulse", "Half-life", "Spill", "Standing tie", "≈", "×9", "(+22 alike)", "Certainty" })
            Assert.Contains(term, glossary);
        await page.GotoAsync("/en/model");
        Assert.Contains("relationship-strength model", await page.Locator("#model-doc h1").InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "32-model-page");
    }
}
