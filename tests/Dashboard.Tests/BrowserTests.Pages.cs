using System.Globalization;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Relations.Dashboard.Tests;

/// <summary>The pages a class reads (issue 22): accessible, whole at any width and on paper, the chart's values the files'.</summary>
public sealed partial class BrowserTests
{
    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await app.NewPageAsync();
        var run = await StartRunAsync("lao-cai-hekou-youth");
        // The comparison of an exercise with its base, as the start page's button starts it.
        await page.GotoAsync("/");
        await page.Locator("section.exercise[data-scenario='no-covid'] form[action*='Compare'] button").ClickAsync();
        await page.WaitForURLAsync("**/compare?**");
        var compare = new Uri(page.Url).PathAndQuery;

        var problems = new List<string>();
        foreach (var address in new[] { "/", $"/runs/{run}", $"/runs/{run}?explain=hekou~lao-cai-city&date=2020-06-01", compare,
                     "/uncertainty", "/whatif/lao-cai-hekou-youth", $"/runs/{run}/actors/lao-cai-city", "/glossary", "/learn", "/upload", "/en/runs/" + run })
        {
            await page.GotoAsync(address);
            if (await page.Locator("figure[data-chart]").CountAsync() > 0)
                await page.Locator("figure[data-chart] .chart-host").First.WaitForAsync(new() { Timeout = RunTimeout });
            if (await page.Locator("figure[data-chart]").CountAsync() > 0)
                await AssertWholePeriodVisibleAsync(page, 1280);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
            problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
                $"{address}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }
        Assert.True(problems.Count == 0, "Accessibility violations:\n" + string.Join('\n', problems));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(800)]
    [InlineData(1280)]
    public async Task The_run_page_shows_the_whole_period_without_sideways_scroll_and_hovering_gives_the_files_value(int width)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        var run = await StartRunAsync("lao-cai-hekou-youth");
        await page.GotoAsync($"/en/runs/{run}");
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        await page.Locator("figure#curves .chart-host").WaitForAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the run page scrolls sideways at {width} px");
        await AssertWholePeriodVisibleAsync(page, width);
        await BrowserDashboard.ShotAsync(page, $"40-run-{width}");

        // Hover the middle sample of the first curve: the tooltip's value is series.csv's strength on that day.
        var dates = await page.EvaluateAsync<string[]>("() => relationsCharts.curves.data.dates");
        var key = await page.EvaluateAsync<string>("() => relationsCharts.curves.data.curves[0].key");
        var i = dates.Length / 2;
        await page.Locator("figure#curves .chart-host").ScrollIntoViewIfNeededAsync();
        var (x, y) = await ChartPoint(page, "curves", 0, i);
        await page.Mouse.MoveAsync(x, y);
        var tip = page.Locator($".chart-tooltip .tip-value[data-key='{key}']").First;
        await tip.WaitForAsync();
        Assert.Equal(dates[i], await page.Locator(".chart-tooltip .tip-date").First.GetAttributeAsync("data-date"));
        var csv = await (await page.APIRequest.GetAsync($"/api/runs/{run}/series.csv")).TextAsync();
        var expected = StrengthOf(csv, key, dates[i]);
        Assert.Equal(expected, double.Parse((await tip.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 9);
        Assert.Contains(expected.ToString("N2", CultureInfo.GetCultureInfo("en-GB")), await tip.InnerTextAsync());

        // On paper (A4 portrait): the chart is drawn at the printed width and still reaches the period's end.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.WaitForFunctionAsync("() => relationsCharts.curves.chart.getWidth() === 680");
        await AssertWholePeriodVisibleAsync(page, 680);
        if (width == 800)
            await page.PdfAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "41-run-report.pdf"), Format = "A4" });

        // An actor's page: its partners' curves, the same at this width and on paper.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync($"/en/runs/{run}/actors/lao-cai-city");
        await page.Locator("figure[data-chart] .chart-host").First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the actor page scrolls sideways at {width} px");
        await AssertWholePeriodVisibleAsync(page, width);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.WaitForFunctionAsync("() => Object.values(relationsCharts).every(f => f.chart.getWidth() === 680)");
        await AssertWholePeriodVisibleAsync(page, 680);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The other pages a class reads, in Vietnamese (its longer words): the explanation in sentences, every certainty
        // level on one chart, the run's assumptions, the start page, the editor, the uncertainty forms, the teaching
        // pages, the runs list and the upload form — none scrolls sideways; a chart reaches the last sample, also on paper.
        foreach (var address in new[] { $"/runs/{run}?explain=hekou~lao-cai-city&date=2020-06-01", $"/runs/{run}?levels=all", $"/runs/{run}/assumptions",
                     "/", "/whatif/lao-cai-hekou-youth", "/uncertainty", "/learn", "/glossary", "/runs", "/upload" })
        {
            await page.GotoAsync(address);
            var charts = await page.Locator("figure[data-chart]").CountAsync();
            if (charts > 0)
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('figure[data-chart]')].every(f => f.dataset.ready === 'true')",
                    null, new() { Timeout = RunTimeout });
            await AssertFitsAsync(page);
            if (charts == 0)
                continue;
            await AssertWholePeriodVisibleAsync(page, width);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.WaitForFunctionAsync("() => Object.values(relationsCharts).every(f => f.chart.getWidth() === 680)");
            await AssertWholePeriodVisibleAsync(page, 680);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
    }

    [Theory]
    [InlineData(360)]
    [InlineData(800)]
    [InlineData(1280)]
    public async Task The_compare_bands_and_sweep_pages_fit_every_width_and_the_printed_page_and_are_accessible(int width)
    {
        // One comparison, ensemble and sweep for the three widths (made by the first, read by all).
        var pages = new[] { ("compare", await ComparisonAsync()), ("bands", await BandsAsync()), ("sweep", await SweepAsync()) };
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        var problems = new List<string>();
        foreach (var (name, address) in pages)
        {
            await page.GotoAsync(address);
            var charts = await page.Locator("figure[data-chart]").CountAsync();
            if (charts > 0)
                await page.WaitForFunctionAsync("() => [...document.querySelectorAll('figure[data-chart]')].every(f => f.dataset.ready === 'true')",
                    null, new() { Timeout = RunTimeout });
            else
                await page.WaitForFunctionAsync("() => document.querySelector('#tornado img')?.naturalWidth > 0");
            await AssertFitsAsync(page);
            if (charts > 0)
                await AssertWholePeriodVisibleAsync(page, width);
            else
                await AssertImageFitsAsync(page, "#tornado img");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
            problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
                $"{address} at {width} px: {v.Impact} {v.Id} ({v.Help}) at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
            await BrowserDashboard.ShotAsync(page, $"42-{name}-{width}");

            // On paper (A4 portrait): the charts are drawn at the printed width and still reach the period's end; the
            // sweep's tornado image is as wide as its column.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            if (charts > 0)
            {
                await page.WaitForFunctionAsync("() => Object.values(relationsCharts).every(f => f.chart.getWidth() === 680)");
                await AssertWholePeriodVisibleAsync(page, 680);
            }
            else
            {
                await AssertImageFitsAsync(page, "#tornado img");
            }
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }
        Assert.True(problems.Count == 0, "Accessibility violations:\n" + string.Join('\n', problems));
    }

    /// <summary>The image is loaded, no wider than its column and inside the window.</summary>
    private static async Task AssertImageFitsAsync(IPage page, string selector)
    {
        var fits = await page.EvaluateAsync<double[]>(
            "q => { const i = document.querySelector(q); const r = i.getBoundingClientRect();" +
            " return [i.naturalWidth, r.width, i.parentElement.clientWidth, r.right, document.documentElement.clientWidth]; }", selector);
        Assert.True(fits[0] > 0, $"{selector} has not loaded");
        Assert.True(fits[1] <= fits[2] + 0.5 && fits[3] <= fits[4] + 0.5,
            $"{selector} is {fits[1]} px wide in a column of {fits[2]} px and ends at x = {fits[3]} of {fits[4]} px");
    }

    /// <summary>A finished comparison of an exercise with its base, made once for all the tests of the fixture.</summary>
    private Task<string> ComparisonAsync() => app.OnceAsync("compare", async () =>
    {
        using var client = app.Dashboard.CreateClient();
        var baseRun = await DashboardFactory.PostScenarioIdAsync(client, "border-2013-2026");
        var variant = await DashboardFactory.PostScenarioIdAsync(client, "no-covid");
        await app.Dashboard.WaitForRunAsync(baseRun);
        await app.Dashboard.WaitForRunAsync(variant);
        return $"/compare?base={baseRun}&variant={variant}";
    });

    /// <summary>A finished ensemble's bands page, made once.</summary>
    private Task<string> BandsAsync() => app.OnceAsync("bands", async () =>
    {
        using var client = app.Dashboard.CreateClient();
        var job = await DashboardFactory.PostJobAsync(client, "/api/runs", new { scenarioId = Small, draws = 20, seed = 1 });
        await app.Dashboard.WaitForJobAsync(job);
        return $"/runs/{job}/uncertainty";
    });

    /// <summary>A finished sweep's page, made once.</summary>
    private Task<string> SweepAsync() => app.OnceAsync("sweep", async () =>
    {
        using var client = app.Dashboard.CreateClient();
        var job = await DashboardFactory.PostJobAsync(client, "/api/sweeps", new { scenarioId = Small, set = new Dictionary<string, double[]> { ["kappa"] = [5, 10] } });
        await app.Dashboard.WaitForJobAsync(job);
        return $"/sweeps/{job}";
    });

    /// <summary>Every chart of the page is no wider than <paramref name="width"/> and its last sample lies inside it.</summary>
    private static async Task AssertWholePeriodVisibleAsync(IPage page, int width)
    {
        var charts = await page.EvaluateAsync<string[]>("() => Object.keys(window.relationsCharts || {})");
        Assert.NotEmpty(charts);
        foreach (var id in charts)
        {
            var fits = await page.EvaluateAsync<double[]>(
                "id => { const f = relationsCharts[id]; const last = f.data.dates[f.data.dates.length - 1];" +
                " const p = f.chart.convertToPixel({ gridIndex: 0 }, [Date.parse(last + 'T00:00:00Z'), 0]);" +
                " return [f.chart.getWidth(), p[0]]; }", id);
            Assert.True(fits[0] <= width, $"chart {id} is {fits[0]} px wide at {width} px");
            Assert.True(fits[1] > 0 && fits[1] <= fits[0], $"chart {id}'s last sample is at x = {fits[1]} of {fits[0]} px");
        }
    }

    /// <summary>Starts a run of <paramref name="scenarioId"/> and waits until it is done.</summary>
    private async Task<string> StartRunAsync(string scenarioId)
    {
        using var client = app.Dashboard.CreateClient();
        var run = await DashboardFactory.PostScenarioIdAsync(client, scenarioId);
        await app.Dashboard.WaitForRunAsync(run);
        return run;
    }

    /// <summary>The strength of dyad <paramref name="key"/> (a~b) on <paramref name="date"/> in series.csv.</summary>
    private static double StrengthOf(string csv, string key, string date)
    {
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var (a, b, d, s) = (Array.IndexOf(header, "actor_a"), Array.IndexOf(header, "actor_b"), Array.IndexOf(header, "date"), Array.IndexOf(header, "strength"));
        var row = lines.Skip(1).Select(l => l.Split(',')).Single(r => $"{r[a]}~{r[b]}" == key && r[d] == date);
        return double.Parse(row[s], CultureInfo.InvariantCulture);
    }
}
