using System.Globalization;
using Microsoft.Playwright;

namespace Relations.Dashboard.Tests;

public sealed partial class BrowserTests
{
    [Fact]
    public async Task Student_sees_how_much_of_each_value_rests_on_assumptions_and_sorts_the_relationships_by_it()
    {
        using var client = app.Dashboard.CreateClient();
        var id = await DashboardFactory.PostScenarioIdAsync(client, "border-2013-2026");
        await app.Dashboard.WaitForRunAsync(id);
        var page = await app.NewPageAsync();

        // The association's tie with Yunnan rests on its assumed exchanges: the run page says so beside its values.
        await page.GotoAsync($"/en/runs/{id}?dyad=lao-cai-friendship-association~yunnan&dyad=hekou~lao-cai-city");
        var association = page.Locator("#shown-shares li[data-dyad='lao-cai-friendship-association~yunnan']");
        Assert.Contains("(mostly assumed)", await association.InnerTextAsync());
        Assert.Contains("of this value rests on assumptions", await page.Locator("#shown-shares li[data-dyad='hekou~lao-cai-city']").InnerTextAsync());
        // The interactive chart draws the association's curve thin and light where it rests mostly on assumptions (a second
        // series of the same name), Hà Khẩu's where it rests on what the articles report; the hover gives each share.
        await page.Locator("figure#curves[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        var styles = await page.EvaluateAsync<string[]>(
            "() => relationsCharts.curves.chart.getOption().series.filter(s => String(s.id).startsWith('curve'))" +
            ".map(s => s.id + ':' + (/rgba\\(.*, ([0-9.]+)\\)/.exec(s.lineStyle.color)?.[1] ?? 1) + ':' + s.lineStyle.width + ':' + s.data.filter(p => p[1] !== null).length)");
        var light = styles.Select(s => s.Split(':')).Where(s => s[0].EndsWith("-assumed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(light);
        Assert.All(light, s => Assert.True(double.Parse(s[1], CultureInfo.InvariantCulture) < 0.5 && int.Parse(s[3], CultureInfo.InvariantCulture) > 1, string.Join(' ', styles)));
        var (x, y) = await ChartPoint(page, "curves", 0, 84);
        await page.Mouse.MoveAsync(x, y);
        var tip = page.Locator(".chart-tooltip .tip-value[data-key='lao-cai-friendship-association~yunnan'] .tip-assumed");
        await tip.WaitForAsync();
        Assert.Matches(@"\(\d+ % assumed\)", await tip.InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "20-run-assumed-share");
        foreach (var (selector, name) in new[] { ("#curves", "20a-plot"), ("#shown-shares", "20b-shown-shares"), ("#dyad-picker", "20c-picker"), (".border-view", "20d-border") })
            await page.Locator(selector).ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, name + ".png") });

        // The table of every relationship by that share, sorted by a click on a header and back.
        await page.Locator("#shown-shares + p a").ClickAsync();
        await page.WaitForURLAsync($"**/runs/{id}/assumptions");
        var rows = page.Locator("#assumption-shares tbody tr");
        Assert.Equal(35, await rows.CountAsync());
        var shares = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => parseFloat(r.dataset.share))");
        Assert.Equal(shares.OrderByDescending(s => s), shares);
        await BrowserDashboard.ShotAsync(page, "21-assumptions");
        await page.Locator("#assumption-shares th a[href*='sort=share']").ClickAsync();
        await page.WaitForURLAsync("**order=asc**");
        var ascending = await rows.EvaluateAllAsync<double[]>("rows => rows.map(r => parseFloat(r.dataset.share))");
        Assert.Equal(ascending.OrderBy(s => s), ascending);

        // An actor's partners, each value with its share.
        await page.GotoAsync($"/en/runs/{id}/actors/lao-cai-friendship-association");
        Assert.Contains("rests on assumptions", await page.Locator("#partners").InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "22-actor-assumed-share");

        // A what-if against its base: each strength in the table of differences with its share too.
        var variant = await DashboardFactory.PostScenarioIdAsync(client, "no-covid");
        await app.Dashboard.WaitForRunAsync(variant);
        await page.GotoAsync($"/en/compare?base={id}&variant={variant}");
        await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.True(await page.EvaluateAsync<bool>("() => relationsCharts.compare.data.curves.some(c => c.assumed && c.assumed.some(s => s > 0.5))"));
        var differences = page.Locator("#differences tr").Nth(1);
        Assert.Equal(2, await differences.Locator(".assumed-share").CountAsync());
        await page.Locator("#differences").ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "23-compare-assumed-share.png") });
        await page.Locator("figure").First.ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "23a-compare-plot.png") });
    }
}
