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

        using var imported = await PostAsync("/upload", ("file", "office.csv", events), ("actors", "actors.csv", Actors));
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
    }

    [Fact]
    public async Task A_bad_event_file_lists_every_problem_with_row_and_column()
    {
        using var response = await PostAsync("/upload", ("file", "bad.csv", "date,kind,actor_a,actor_b\n2019-13-01,visit,lao-cai,yunnan\n2019-05-10,party,lao-cai,yunnan\n"), ("actors", "actors.csv", Actors));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file was not imported: 2 problem(s).", page);
        Assert.Contains("<strong>row 2, column 1</strong> of bad.csv", page);
        Assert.Contains("<strong>row 3, column 2</strong> of bad.csv", page);
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
