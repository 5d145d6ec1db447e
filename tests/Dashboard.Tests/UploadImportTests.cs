using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Relations.Dashboard.Tests;

/// <summary>A dashboard whose scenarios folder is a fresh temporary one, so a test may add files to it.</summary>
public sealed class TemporaryScenariosDashboard : DashboardFactory
{
    public string Scenarios { get; } = Directory.CreateTempSubdirectory("relations-scenarios-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Relations:Scenarios", Scenarios);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Scenarios))
            Directory.Delete(Scenarios, recursive: true);
    }
}

/// <summary>The Upload page imports an analyst's event file and offers the scenario for replay and for the what-if editor.</summary>
public sealed partial class UploadImportTests(TemporaryScenariosDashboard dashboard) : IClassFixture<TemporaryScenariosDashboard>
{
    private readonly HttpClient client = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private const string Actors = "id,kind,country,parent,name\nlao-cai,province,VN,,Lào Cai\nyunnan,province,CN,,Vân Nam\n";

    [Fact]
    public async Task An_uploaded_csv_is_imported_shown_and_kept_for_the_what_if_editor()
    {
        const string events = "date,kind,actor_a,actor_b,source,title\n2021-03-21,agreement,lao-cai,yunnan,Báo Lào Cai,\"Ký <b>MoU</b>\"\n";

        using var imported = await PostAsync("/en/upload", ("file", "office.csv", events), ("actors", "actors.csv", Actors));
        var page = await imported.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("<code>office</code> — 1 events, 2 actors", page);
        Assert.Contains("Ký &lt;b&gt;MoU&lt;/b&gt;", page);
        var yaml = WebUtility.HtmlDecode(Textarea().Match(page).Groups[1].Value);
        Assert.StartsWith("id: office\n", yaml);

        using var opened = await PostAsync("/upload?handler=WhatIf", ("yaml", null, yaml));

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/whatif/office", opened.Headers.Location?.ToString());
        Assert.Equal(yaml, await File.ReadAllTextAsync(Path.Combine(dashboard.Scenarios, "imported", "office.yaml")));
        using var editor = await client.GetAsync("/whatif/office");
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);

        // Keeping the same text again opens it; another analyst's import of the same id is refused, the file kept.
        using var again = await PostAsync("/upload?handler=WhatIf", ("yaml", null, yaml));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var other = yaml.Replace("Ký <b>MoU</b>", "Another meeting", StringComparison.Ordinal);
        Assert.NotEqual(yaml, other);
        using var refused = await PostAsync("/en/upload?handler=WhatIf", ("yaml", null, other));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("The scenario id &#x27;office&#x27; is taken by imported/office.yaml", await refused.Content.ReadAsStringAsync());
        Assert.Equal(yaml, await File.ReadAllTextAsync(Path.Combine(dashboard.Scenarios, "imported", "office.yaml")));
    }

    [Fact]
    public async Task A_bad_event_file_lists_every_problem_with_row_and_column()
    {
        using var response = await PostAsync("/en/upload", ("file", "bad.csv", "date,kind,actor_a,actor_b\n2019-13-01,visit,lao-cai,yunnan\n2019-05-10,party,lao-cai,yunnan\n"), ("actors", "actors.csv", Actors));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file was not imported: 2 problem(s).", page);
        Assert.Contains("<strong>row 2, column 1</strong> of bad.csv", page);
        Assert.Contains("<strong>row 3, column 2</strong> of bad.csv", page);
    }

    [Fact]
    public async Task An_icews_file_shows_what_became_of_every_row_and_the_dyads_it_found()
    {
        const string actors = "id,kind,country,parent,name,code,places\n" +
            "vietnam,organization,VN,,Việt Nam,Vietnam,\nchina,organization,CN,,Trung Quốc,China,\n" +
            "lao-cai,province,VN,,Lào Cai,Vietnam,Lào Cai\nyunnan,province,CN,,Vân Nam,China,Yunnan\n";
        string Row(int id, string source, string target, string code, string province) => string.Join('\t', id, "2019-05-10", source, "NA", source,
            "Text", code, "1.9", target, "NA", target, 100 + id, "1", "Example Wire", "NA", "NA", province, "Vietnam", "0", "0");
        var events = string.Join("\n",
            "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude",
            Row(1, "Vietnam", "China", "042", "Tinh Lao Cai"), Row(2, "China", "Vietnam", "042", "Tinh Lao Cai"),
            Row(3, "China", "Vietnam", "190", "Tinh Lao Cai"), Row(4, "China", "China", "042", "Yunnan Sheng"),
            Row(5, "Vietnam", "China", "040", "Yunnan Sheng")) + "\n";

        using var response = await PostAsync("/en/upload", ("file", "events.2019.tab", events), ("actors", "actors.csv", actors));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("events.2019.tab: 5 rows (an ICEWS event file): 2 events, 3 skipped; 1 header rows not counted.", page);
        Assert.Matches("<tr data-reason=\"NoKind\"><td>1</td><td>the event code maps to no kind of the model</td><td>4</td>", page);
        Assert.Matches("<tr data-reason=\"SelfPair\"><td>1</td><td>both sides map to one actor</td><td>5</td>", page);
        Assert.Matches("<tr data-reason=\"Merged\"><td>1</td><td>[^<]+</td><td>3</td>", page);
        Assert.Contains("<tr><td><code>china</code> – <code>lao-cai</code></td><td>1</td></tr>", page);
        Assert.Contains("<tr><td><code>vietnam</code> – <code>yunnan</code></td><td>1</td></tr>", page);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string? FileName, string Text)[] fields)
    {
        var form = await client.GetStringAsync("/upload");
        var content = new MultipartFormDataContent { { new StringContent(Token().Match(form).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, fileName, text) in fields)
        {
            if (fileName is null)
                content.Add(new StringContent(text, Encoding.UTF8), name);
            else
                content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), name, fileName);
        }
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<textarea name=\"yaml\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex Textarea();
}
