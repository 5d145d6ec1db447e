using System.Text.Json;
using Microsoft.Playwright;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests;

/// <summary>Students, trainers and analysts using the dashboard in a real browser.</summary>
public sealed partial class BrowserTests(BrowserDashboard app) : IClassFixture<BrowserDashboard>
{
    private const float RunTimeout = 120_000;

    [Fact]
    public async Task Student_replays_the_seed_scenario_sees_the_curve_and_explains_a_point()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/en/");
        await BrowserDashboard.ShotAsync(page, "01-scenarios");

        await page.Locator("section.scenario[data-scenario='border-2013-2026'] button", new() { HasText = "Replay" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Equal("completed", await page.Locator("#run-status").GetAttributeAsync("data-status-word"));
        await BrowserDashboard.ShotAsync(page, "02-run");

        // Click a point three quarters along the first curve: its explanation comes up, and its lines add up to R.
        var dates = await page.EvaluateAsync<string[]>("() => relationsCharts.curves.data.dates");
        var i = dates.Length * 3 / 4;
        var (x, y) = await ChartPoint(page, "curves", 0, i);
        await page.Mouse.ClickAsync(x, y);
        var explanation = page.Locator("#explanation-result");
        await explanation.WaitForAsync();
        Assert.Equal(dates[i], await explanation.Locator("[data-date]").First.GetAttributeAsync("data-date"));
        var score = await explanation.Locator("p strong[data-value]").InnerTextAsync();
        Assert.Equal(score, await explanation.Locator("tr.total td.num").InnerTextAsync());
        Assert.True(await explanation.Locator("tr").CountAsync() > 2, "the explanation lists no event");
        await BrowserDashboard.ShotAsync(page, "03-explanation");

        // The border view at an earlier day, chosen on the slider.
        await page.Locator("#border-slider").EvaluateAsync("s => { s.value = 80; s.dispatchEvent(new Event('change')); }");
        await BrowserDashboard.WaitForQueryAsync(page, "at", "80");
        var day = dates[80];
        await page.Locator($"h2#border[data-date='{day}']").WaitForAsync();
        Assert.True(await page.Locator(".border-view svg line[stroke-width]").CountAsync() > 5, "no tie is drawn across the border");
        await page.Locator(".border-view").ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "04-border.png") });

        // Names in English at the switch.
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Contains("Lao Cai", await page.Locator("#dyad-picker").InnerTextAsync());
        Assert.DoesNotContain("Lào Cai ↔", await page.Locator("#dyad-picker").InnerTextAsync());
    }

    /// <summary>Where on the screen sample <paramref name="sample"/> of curve <paramref name="curve"/> of a chart is.</summary>
    internal static async Task<(float X, float Y)> ChartPoint(IPage page, string figure, int curve, int sample)
    {
        var xy = await page.EvaluateAsync<float[]>(
            "([id, c, i]) => { const f = relationsCharts[id]; const v = f.data.curves[c].values[i];" +
            " const p = f.chart.convertToPixel({ gridIndex: 0 }, [Date.parse(f.data.dates[i] + 'T00:00:00Z'), v]);" +
            " const r = f.chart.getDom().getBoundingClientRect(); return [r.left + p[0], r.top + p[1]]; }",
            new object[] { figure, curve, sample });
        return (xy[0], xy[1]);
    }

    [Fact]
    public async Task Trainer_runs_a_what_if_sees_the_overlay_saves_lists_reopens_and_exports_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/en/whatif/border-2013-2026");
        await BrowserDashboard.ShotAsync(page, "05-whatif-editor");

        await page.Locator("input[name=id]").FillAsync("no-covid-fast");
        await page.Locator("input[name=title]").FillAsync("What if there had been no closure, and ties faded faster?");
        await page.Locator("input[value='i:covid-19']").UncheckAsync();
        await page.Locator("input[name='ev-from:mou-2023']").FillAsync("2023-06-01");
        await page.Locator("input[name='ev-to:mou-2023']").FillAsync("2023-06-30");
        await page.Locator("input[name='model:halfLifeDays']").FillAsync("365");
        await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();

        await page.WaitForURLAsync("**/compare?**");
        await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.True(await page.Locator("#differences tr").CountAsync() > 2, "base and variant do not differ");
        await BrowserDashboard.ShotAsync(page, "06-compare");

        await page.Locator("#save-variant").ClickAsync();
        await page.WaitForURLAsync("**/variants?saved=no-covid-fast");
        var row = page.Locator("tr[data-variant='no-covid-fast']");
        Assert.Contains("removed 1 · moved 1 · added 0 · parameters 1", await row.InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "07-saved-variants");

        // The export is a variant file that loads beside the seed scenarios, as `relations replay` would load it.
        var export = await page.APIRequest.GetAsync("/variants/no-covid-fast.yaml");
        Assert.True(export.Ok);
        var (variant, problems) = new ScenarioLoader().CheckText("no-covid-fast.yaml", await export.TextAsync(), RepositoryFiles.Scenarios);
        Assert.Empty(problems);
        Assert.DoesNotContain(variant!.Interruptions, i => i.Id == "covid-19");
        Assert.Equal(365, variant.Model.HalfLifeDays);
        Assert.Equal(EventDate.Range(new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)), variant.Events.Single(e => e.Id == "mou-2023").Date);

        // Memory storage keeps the catalogue as long as the silo runs; surviving a restart needs durable storage.
        await row.GetByRole(AriaRole.Link, new() { Name = "Reopen" }).ClickAsync();
        await page.WaitForURLAsync("**/whatif/border-2013-2026?variant=no-covid-fast");
        Assert.Equal("no-covid-fast", await page.Locator("input[name=id]").InputValueAsync());
        Assert.False(await page.Locator("input[value='i:covid-19']").IsCheckedAsync());
        Assert.Equal("2023-06-30", await page.Locator("input[name='ev-to:mou-2023']").InputValueAsync());
        Assert.Equal("365", await page.Locator("input[name='model:halfLifeDays']").InputValueAsync());
        await BrowserDashboard.ShotAsync(page, "08-whatif-reopened");
    }

    [Fact]
    public async Task Analyst_uploads_a_hostile_scenario_whose_texts_stay_text()
    {
        var page = await app.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/upload");
        await page.Locator("textarea[name=yaml]").FillAsync(HostileScenario.Yaml);
        await page.Locator("#upload-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/runs/**");
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Equal(HostileScenario.Title, await page.Locator("h1").InnerTextAsync());
        Assert.Contains("<img src=x onerror=alert('event')>", await page.Locator("#events").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main script:not([type='application/json']), main img[src=x]").CountAsync());
        Assert.Equal(0, dialogs);
        await BrowserDashboard.ShotAsync(page, "09-hostile-title");

        // The files of the run are there to download.
        var csv = await page.APIRequest.GetAsync(page.Url.Replace("/runs/", "/api/runs/") + "/series.csv");
        Assert.StartsWith("actor_a,actor_b,date,score,score_reported,score_inferred,score_assumed,strength", await csv.TextAsync());
    }

    [Fact]
    public async Task Analyst_sees_every_problem_of_an_invalid_upload_with_line_and_column()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/en/upload");
        await page.Locator("textarea[name=yaml]").FillAsync("id: broken\ntitle: \"Broken\"\nperod: { from: 2020-01-01, to: 2020-12-31 }\n");
        await page.Locator("#upload-form button[type=submit]").ClickAsync();

        var problems = page.Locator("#problems");
        await problems.WaitForAsync();
        var text = await problems.InnerTextAsync();
        Assert.Contains("line 3, column 1", text);
        Assert.Contains("'perod'", text);
        Assert.Contains("line 1, column 1", text);
        await BrowserDashboard.ShotAsync(page, "10-invalid-upload");
    }

    [Fact]
    public async Task Operator_opens_the_orleans_dashboard()
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync("/orleans/");
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Orleans", await page.TitleAsync(), StringComparison.OrdinalIgnoreCase);
        await BrowserDashboard.ShotAsync(page, "11-orleans");
        await page.Locator("#relations-back a").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }
}
