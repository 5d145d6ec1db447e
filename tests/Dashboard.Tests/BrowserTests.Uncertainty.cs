using Microsoft.Playwright;

namespace Relations.Dashboard.Tests;

/// <summary>Ensembles and sweeps in the browser: bands on a run page, a sweep from the start page, and their files.</summary>
public sealed partial class BrowserTests
{
    private const string Small = "lao-cai-hekou-youth";

    [Fact]
    public async Task Student_computes_the_uncertainty_of_a_run_and_sees_the_bands_with_why_and_the_file()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(800, 900);
        await page.GotoAsync("/en/");
        await page.Locator($"section.scenario[data-scenario='{Small}'] button", new() { HasText = "Replay" }).ClickAsync();
        await page.WaitForURLAsync("**/runs/**");
        await page.Locator("#uncertainty-link").ClickAsync(new() { Timeout = RunTimeout });

        // A draws count that is not a number comes back at its field, with 400.
        await page.Locator("#ensemble-form input[name=u-draws]").FillAsync("many");
        var bad = await page.RunAndWaitForResponseAsync(() => page.Locator("#start-ensemble").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, bad.Status);
        Assert.Contains("whole number", await page.Locator(".field-problem[data-field=u-draws]").InnerTextAsync());
        await page.Locator("#ensemble-form").ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "19-ensemble-form.png") });

        await page.Locator("#ensemble-form input[name=u-draws]").FillAsync("20");
        await page.Locator("#start-ensemble").ClickAsync();
        await page.Locator("figure#bands[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        // The view opens on the relationship the run page showed first, and says why in a sentence.
        Assert.Contains(await page.Locator("#bands-picker select").InputValueAsync(), page.Url.Replace("%7E", "~"));
        Assert.Contains("20 draws", await page.Locator("#why").InnerTextAsync());
        await AssertFitsAsync(page);
        await BrowserDashboard.ShotAsync(page, "20-uncertainty");

        var csv = await page.APIRequest.GetAsync((await page.Locator("#ensemble-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("actor_a,actor_b,date,strength,score,score_mean,score_sd,strength_mean,strength_p05,strength_p25,strength_p50,strength_p75,strength_p95,draws",
            await ForExcelAsync(csv));
    }

    [Fact]
    public async Task Trainer_starts_a_sweep_from_the_start_page_and_reads_the_sensitivity_table_and_files()
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(800, 900);
        await page.GotoAsync("/en/");
        var form = page.Locator("#sweep-form");
        await form.Locator("select[name=scenarioId]").SelectOptionAsync(Small);
        await form.Locator("select[name=u-key0]").SelectOptionAsync("kappa");
        await form.Locator("input[name=u-values0]").FillAsync("5, 0");
        await form.Locator("button[type=submit]").ClickAsync();
        // κ = 0 is refused at its field, as a sentence; the form keeps what was entered.
        Assert.Contains("kappa", await page.Locator(".field-problem[data-field=u-values0]").InnerTextAsync());
        Assert.Equal("5, 0", await page.Locator("#sweep-form input[name=u-values0]").InputValueAsync());
        await AssertFitsAsync(page);
        await page.Locator("#sweep-form").ScreenshotAsync(new() { Path = Path.Combine(RepositoryFiles.Screenshots, "22-sweep-form.png") });

        await page.Locator("#sweep-form input[name=u-values0]").FillAsync("5, 10");
        await page.Locator("#sweep-form select[name=u-key1]").SelectOptionAsync("halfLifeDays");
        await page.Locator("#sweep-form input[name=u-values1]").FillAsync("365, 730");
        await page.Locator("#sweep-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/sweeps/**");
        var table = page.Locator("#sensitivity");
        await table.WaitForAsync(new() { Timeout = RunTimeout });
        Assert.True(await table.Locator("tr").CountAsync() > 2, "the sensitivity table is empty");
        Assert.Contains("halfLifeDays", await table.InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('#tornado img').naturalWidth > 0");
        await AssertFitsAsync(page);
        await BrowserDashboard.ShotAsync(page, "21-sweep");

        var sweep = await page.APIRequest.GetAsync((await page.Locator("#sweep-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, sweep.Status);
        Assert.StartsWith("cell,kappa,halfLifeDays,actor_a,actor_b,date,score,strength", await ForExcelAsync(sweep));
        var sensitivity = await page.APIRequest.GetAsync((await page.Locator("#sensitivity-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, sensitivity.Status);
        Assert.Contains("actor_a,actor_b,key,swing", await ForExcelAsync(sensitivity));
    }

    [Fact]
    public async Task Trainer_sweeps_the_variant_being_edited_from_the_what_if_editor()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/en/whatif/{Small}");
        await page.Locator("#whatif-uncertainty input[name=u-draws]").FillAsync("");
        await page.Locator("#whatif-uncertainty select[name=u-key0]").SelectOptionAsync("spillUp");
        await page.Locator("#whatif-uncertainty input[name=u-values0]").FillAsync("0, 0.5");
        await page.Locator("#whatif-sweep").ClickAsync();
        await page.WaitForURLAsync("**/sweeps/**");
        await page.Locator("#sensitivity").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Contains("spillUp", await page.Locator("#sensitivity").InnerTextAsync());
        Assert.Contains("2 combination(s)", await page.Locator("main, body").First.InnerTextAsync());
    }

    /// <summary>A CSV the page links to: it starts with UTF-8's byte-order mark (Excel then reads it as UTF-8); the text after it.</summary>
    private static async Task<string> ForExcelAsync(IAPIResponse file)
    {
        var bytes = await file.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    /// <summary>The page reads at the window's width: nothing makes the whole page scroll sideways.</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");
}
