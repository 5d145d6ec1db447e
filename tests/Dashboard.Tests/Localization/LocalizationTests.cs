using System.Net;
using AngleSharp.Html.Parser;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>
/// The interface in Vietnamese and English (issue 22): every interface string comes through localization and has a
/// Vietnamese entry; the language is in the URL, never only a cookie, and links, forms and redirects keep it.
/// </summary>
public sealed class LocalizationTests(MarkedDashboard app) : IClassFixture<MarkedDashboard>
{
    /// <summary>The pages without state; the pages of a run, a comparison and the editor are added by the test.</summary>
    private static readonly string[] Pages = ["/", "/uncertainty", "/learn", "/glossary", "/model", "/runs", "/variants", "/whatif/lao-cai-hekou-youth", "/upload", "/join", "/class", "/audit", "/nowhere"];

    [Fact]
    public async Task Every_interface_string_of_the_pages_is_localized_and_has_a_vietnamese_entry()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var run = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await app.WaitForRunAsync(run);
        // The comparison of an exercise with its base, started as the start page's button does.
        var compare = await PostFormAsync(client, "/", "section.exercise[data-scenario='no-covid'] form[action*='Compare']");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), compare).Query);
        await app.WaitForRunAsync(query["base"]!);
        await app.WaitForRunAsync(query["variant"]!);
        // An ensemble's bands and a sweep's page, finished.
        var ensemble = await DashboardFactory.PostJobAsync(client, "/api/runs", new { scenarioId = "lao-cai-hekou-youth", draws = 4, seed = 1 });
        var sweep = await DashboardFactory.PostJobAsync(client, "/api/sweeps", new { scenarioId = "lao-cai-hekou-youth", set = new Dictionary<string, double[]> { ["kappa"] = [5, 10] } });
        await app.WaitForJobAsync(ensemble);
        await app.WaitForJobAsync(sweep);
        var pages = Pages.Concat([$"/runs/{run}", $"/runs/{run}?explain=hekou~lao-cai-city&date=2020-06-01", $"/runs/{run}/actors/lao-cai-city", compare,
            $"/runs/{ensemble}/uncertainty", $"/sweeps/{sweep}"]);

        var text = new InterfaceText([run, query["base"]!, query["variant"]!, ensemble, sweep]);
        var problems = new List<string>();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode || page == "/nowhere", $"{page} answered {(int)response.StatusCode}");
            problems.AddRange(text.Unlocalized(await response.Content.ReadAsStringAsync()).Select(p => $"{page} {p}"));
        }
        // The sweep's tornado plot (an image the page draws) takes its title and axis label in the page's language too.
        var tornado = new HtmlParser().ParseDocument(await client.GetStringAsync($"/sweeps/{sweep}")).QuerySelector("#tornado img")!.GetAttribute("src")!;
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(tornado[(tornado.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        Assert.Contains($"{MarkingLocalizerFactory.Open}Tham số nào làm thay đổi mối quan hệ nào", svg);
        // A form with problems: the editor's summary and the messages at the fields.
        using (var editor = await PostEditorAsync(client, "/whatif/lao-cai-hekou-youth", new() { ["id"] = "Not An Id", ["new-id"] = "x", ["new-count"] = "many" }))
            problems.AddRange(text.Unlocalized(await editor.Content.ReadAsStringAsync()).Select(p => $"editor with problems {p}"));
        Assert.True(problems.Count == 0, "Text not localized:\n" + string.Join('\n', problems));
        Assert.True(app.Marks.Missing.IsEmpty, "No Vietnamese entry for:\n" + string.Join('\n', app.Marks.Missing.Keys.Order()));
    }

    /// <summary>Posts the form <paramref name="selector"/> of <paramref name="page"/> as it stands and answers where it redirected.</summary>
    private static async Task<string> PostFormAsync(HttpClient client, string page, string selector)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page));
        var form = document.QuerySelector(selector)!;
        using var content = new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")));
        using var response = await client.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts the editor's form with every field as shown except <paramref name="changes"/>.</summary>
    private static async Task<HttpResponseMessage> PostEditorAsync(HttpClient client, string page, Dictionary<string, string> changes)
    {
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(page));
        var form = document.QuerySelector("#whatif-form")!;
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") != "checkbox" || i.HasAttribute("checked"))
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => !changes.ContainsKey(f.Key)).Concat(changes).ToList();
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_language_is_the_urls_and_links_forms_and_redirects_keep_it()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var parser = new HtmlParser();

        var vi = parser.ParseDocument(await client.GetStringAsync("/"));
        Assert.Equal("vi", vi.DocumentElement.GetAttribute("lang"));
        var en = parser.ParseDocument(await client.GetStringAsync("/en/"));
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.NotEqual(vi.QuerySelector("h1")!.TextContent, en.QuerySelector("h1")!.TextContent);

        // In English every link to a page and every form stays in English; the switch leads to the same page in Vietnamese.
        var pages = en.QuerySelectorAll("main a[href^='/'], header nav:not(.lang) a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages.Where(h => !h.StartsWith("/api/", StringComparison.Ordinal)), h => Assert.StartsWith("/en/", h));
        Assert.All(en.QuerySelectorAll("form[method=post]"), f => Assert.Matches("^/en[/?]", f.GetAttribute("action")));
        Assert.Equal("/", en.QuerySelector("nav.lang a[lang=vi]")!.GetAttribute("href"));
        Assert.Equal("/en/", vi.QuerySelector("nav.lang a[lang=en]")!.GetAttribute("href"));

        // ?lang= on a page is the same page under its prefix; a language the interface has not is refused with the reason.
        using var asked = await client.GetAsync("/uncertainty?scenarioId=no-covid&lang=en");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/en/uncertainty?scenarioId=no-covid", asked.Headers.Location!.OriginalString);
        using var refused = await client.GetAsync("/?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lang=fr", await refused.Content.ReadAsStringAsync());

        // A cookie does not choose the language: the URL alone does.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "relations-lang=en");
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var withCookie = await client.SendAsync(request);
        Assert.Equal("vi", parser.ParseDocument(await withCookie.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));

        // A form posted in English redirects to an English page.
        var form = en.QuerySelector("section.scenario form")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
        {
            Content = new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden]").Select(i =>
                KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))),
        };
        using var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith("/en/runs/", posted.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Every_prose_view_is_written_in_both_languages_and_says_which()
    {
        var views = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "Dashboard", "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".vi.cshtml", StringComparison.Ordinal) || f.EndsWith(".en.cshtml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var language = view[^9..^7];
            var other = view[..^9] + (language == "vi" ? "en" : "vi") + ".cshtml";
            Assert.True(File.Exists(other), $"{view} has no {other}");
            Assert.Contains($"lang=\"{language}\"", File.ReadAllText(view));
        }
    }
}
