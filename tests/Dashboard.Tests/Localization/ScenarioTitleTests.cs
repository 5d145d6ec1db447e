using AngleSharp.Html.Parser;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>
/// Format 1.2 <c>titles:</c> (issue 22): the start page's scenario cards and selects and a run's heading show a
/// scenario's title in the page's language, falling back to <c>title</c>.
/// </summary>
public sealed class ScenarioTitleTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    private const string Vietnamese = "Thành đoàn Lào Cai ↔ Đoàn thanh niên huyện Hà Khẩu";
    private const string English = "Lào Cai city ↔ Hà Khẩu county youth unions";

    [Fact]
    public async Task The_english_pages_show_the_english_title_and_the_vietnamese_pages_the_vietnamese()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var parser = new HtmlParser();
        const string Card = "section.scenario[data-scenario='lao-cai-hekou-youth'] h3";

        var vi = parser.ParseDocument(await client.GetStringAsync("/"));
        var en = parser.ParseDocument(await client.GetStringAsync("/en/"));
        Assert.Equal(Vietnamese, vi.QuerySelector(Card)!.TextContent.Trim());
        Assert.Equal(English, en.QuerySelector(Card)!.TextContent.Trim());
        // A scenario without titles: keeps its title on both.
        Assert.Equal(vi.QuerySelector("section.scenario[data-scenario='no-covid'] h3, section.scenario:not([data-scenario='lao-cai-hekou-youth']) h3")!.TextContent,
            en.QuerySelector("section.scenario[data-scenario='no-covid'] h3, section.scenario:not([data-scenario='lao-cai-hekou-youth']) h3")!.TextContent);
        var options = parser.ParseDocument(await client.GetStringAsync("/en/uncertainty"))
            .QuerySelectorAll("select[name=scenarioId] option[value='lao-cai-hekou-youth']");
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.Equal(English, o.TextContent.Trim()));

        var run = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await app.WaitForRunAsync(run);
        Assert.Equal(English, parser.ParseDocument(await client.GetStringAsync($"/en/runs/{run}")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(Vietnamese, parser.ParseDocument(await client.GetStringAsync($"/runs/{run}")).QuerySelector("h1")!.TextContent.Trim());
    }
}
