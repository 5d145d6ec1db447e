using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Relations.Dashboard.Tests.Localization;

namespace Relations.Dashboard.Tests;

/// <summary>
/// Every value the run and actor pages show comes with the share of it that rests on assumptions (issue 20), and a
/// table of a run's relationships sorts by that share.
/// </summary>
public sealed class AssumptionShareTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    /// <summary>vn–la's share from July: S(8) − S(3) of S(8) (tests/fixtures/assumed-share.yaml says why).</summary>
    private static readonly double Share = (Math.Exp(-0.3) - Math.Exp(-0.8)) / (1 - Math.Exp(-0.8));

    private readonly HttpClient client = dashboard.CreateClient();

    private async Task<string> RunAsync()
    {
        var id = await DashboardFactory.PostYamlAsync(client, await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "assumed-share.yaml")));
        await dashboard.WaitForRunAsync(id);
        return id;
    }

    private static double DataShare(AngleSharp.Dom.IElement element) =>
        double.Parse(element.GetAttribute("data-share")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_actor_json_and_page_give_each_partners_share_at_the_end_and_at_the_peak()
    {
        var id = await RunAsync();

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{id}/actors/vn"));
        var partners = json.RootElement.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(Share, partners["la"].GetProperty("assumed_share").GetDouble(), 12);
        Assert.Equal(Share, partners["la"].GetProperty("assumed_share_at_peak").GetDouble(), 12);
        Assert.Equal(0.0, partners["cn"].GetProperty("assumed_share").GetDouble());

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/en/runs/{id}/actors/vn"));
        var rows = page.QuerySelectorAll("#partners tr").Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(2, row.QuerySelectorAll(".assumed-share").Length));
        var la = rows.Single(r => r.TextContent.Contains("la", StringComparison.Ordinal) && r.ClassList.Contains("mostly-assumed"));
        Assert.Contains("53 % of this value rests on assumptions (mostly assumed)", la.TextContent);
        Assert.Equal(Share, DataShare(la.QuerySelector(".assumed-share")!), 12);
    }

    [Fact]
    public async Task The_assumptions_page_lists_every_relationship_sorted_by_its_share_either_way()
    {
        var id = await RunAsync();
        var parser = new HtmlParser();

        var byShare = parser.ParseDocument(await client.GetStringAsync($"/en/runs/{id}/assumptions"));
        var rows = byShare.QuerySelectorAll("#assumption-shares tbody tr").ToList();
        Assert.Equal(["la~vn", "cn~vn"], rows.Select(r => r.GetAttribute("data-dyad")));
        Assert.Equal(Share, DataShare(rows[0]), 12);
        Assert.Contains("53 %", rows[0].TextContent);
        Assert.Contains("mostly assumed", rows[0].TextContent);
        Assert.Equal("descending", byShare.QuerySelector("th[aria-sort='descending'] a[href*='sort=share']")?.ParentElement?.GetAttribute("aria-sort"));
        Assert.Contains("1 of 2 relationships rest mostly on assumptions", byShare.QuerySelector("#assumptions-summary")!.TextContent);

        var ascending = parser.ParseDocument(await client.GetStringAsync($"/en/runs/{id}/assumptions?sort=share&order=asc"));
        Assert.Equal(["cn~vn", "la~vn"], ascending.QuerySelectorAll("#assumption-shares tbody tr").Select(r => r.GetAttribute("data-dyad")));
        var byStrength = parser.ParseDocument(await client.GetStringAsync($"/en/runs/{id}/assumptions?sort=strength"));
        Assert.Equal(["la~vn", "cn~vn"], byStrength.QuerySelectorAll("#assumption-shares tbody tr").Select(r => r.GetAttribute("data-dyad")));
    }

    [Fact]
    public async Task The_run_page_gives_the_share_of_every_value_it_shows()
    {
        var id = await RunAsync();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/en/runs/{id}?dyad=la~vn&dyad=cn~vn"));

        var shown = page.QuerySelectorAll("#shown-shares li").ToDictionary(li => li.GetAttribute("data-dyad")!);
        Assert.Equal(["la~vn", "cn~vn"], shown.Keys);
        Assert.Contains("53 % of this value rests on assumptions", shown["la~vn"].TextContent);
        Assert.Contains("0 % of this value rests on assumptions", shown["cn~vn"].TextContent);
        // The picker's peaks, and the border view's ties (dashed when mostly assumed).
        Assert.All(page.QuerySelectorAll("#dyad-picker .picker label"), label => Assert.NotNull(label.QuerySelector(".assumed-share")));
        var ties = page.QuerySelectorAll(".border-view line[data-share]").ToList();
        Assert.Equal(2, ties.Count);
        Assert.All(ties, tie => Assert.Equal(DataShare(tie) > 0.5, tie.HasAttribute("stroke-dasharray")));
        Assert.Contains(ties, tie => tie.QuerySelector("title")!.TextContent.Contains("53 % of this value rests on assumptions"));
        Assert.NotNull(page.QuerySelector($"a[href$='/runs/{id}/assumptions']"));

        // An explained value: before July nothing of it is assumed, after it the MoU's share.
        var parser = new HtmlParser();
        var june = parser.ParseDocument(await client.GetStringAsync($"/en/runs/{id}?explain=la~vn&date=2020-06-15"));
        Assert.Equal(0.0, DataShare(june.QuerySelector("#explanation-result p .assumed-share")!));
        var august = parser.ParseDocument(await client.GetStringAsync($"/en/runs/{id}?explain=la~vn&date=2020-08-15"));
        Assert.Equal(Share, DataShare(august.QuerySelector("#explanation-result p .assumed-share")!), 12);
        Assert.Contains("assumed", august.QuerySelector("#explanation-result table")!.TextContent);
    }
}

/// <summary>The assumptions page speaks Vietnamese: every interface string localized, each with a Vietnamese entry.</summary>
public sealed class AssumptionSharePageLocalizationTests(MarkedDashboard app) : IClassFixture<MarkedDashboard>
{
    [Fact]
    public async Task The_assumptions_page_has_no_unlocalized_text()
    {
        using var client = app.CreateClient();
        var id = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await app.WaitForRunAsync(id);

        var html = await client.GetStringAsync($"/runs/{id}/assumptions");

        Assert.Empty(new InterfaceText([id]).Unlocalized(html));
        Assert.True(app.Marks.Missing.IsEmpty, "No Vietnamese entry for:\n" + string.Join('\n', app.Marks.Missing.Keys.Order()));
    }
}
