using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Relations.Model.Evaluation;
using Relations.Model.Output;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests;

/// <summary>
/// The dashboard used by many hands (issue 12): variants saved by two trainers at once, an event added in the editor,
/// the variants API's status codes, every link reachable, a narrow window.
/// </summary>
public sealed partial class SharedUseTests(BrowserDashboard app) : IClassFixture<BrowserDashboard>
{
    private const float RunTimeout = 120_000;
    private const string Base = "lao-cai-hekou-youth";

    [Fact]
    public async Task Two_trainers_saving_one_variant_id_the_second_is_refused_until_it_confirms_the_version_it_saw()
    {
        var first = await app.NewPageAsync();
        var second = await app.NewPageAsync();
        foreach (var page in new[] { first, second })
        {
            await page.GotoAsync($"/en/whatif/{Base}");
            await page.Locator("input[name=id]").FillAsync("class-what-if");
            await page.Locator("input[value='i:covid-19']").UncheckAsync();
            Assert.Contains("removed", await page.Locator("tr[data-interruption='covid-19']").GetAttributeAsync("class") ?? "");
            await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync("**/compare?**");
            await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        }
        // The editor's ids are not a shared default: two visits get two ids.
        var third = await app.NewPageAsync();
        await third.GotoAsync($"/en/whatif/{Base}");
        var one = await third.Locator("input[name=id]").InputValueAsync();
        await third.ReloadAsync();
        Assert.NotEqual(one, await third.Locator("input[name=id]").InputValueAsync());
        // An exercise's id is not saved over, from the editor either.
        await third.Locator("input[name=id]").FillAsync("no-covid");
        await third.Locator("#whatif-form button[type=submit]").First.ClickAsync();
        await third.WaitForURLAsync("**/compare?**");
        await third.Locator("#save-variant").ClickAsync();
        await third.Locator("#save-refused").WaitForAsync();
        Assert.Contains("is the id of the exercise", await third.Locator("#save-refused").InnerTextAsync());

        await first.Locator("input[name=savedBy]").FillAsync("Lan");
        await first.Locator("#save-variant").ClickAsync();
        await first.WaitForURLAsync("**/variants?saved=class-what-if");

        await second.Locator("#save-variant").ClickAsync();
        var refused = second.Locator("#save-refused");
        await refused.WaitForAsync();
        var message = await refused.InnerTextAsync();
        Assert.Contains("Not saved", message);
        Assert.Contains("by Lan", message);
        await BrowserDashboard.ShotAsync(second, "20-save-refused");

        // Someone saves again meanwhile: the version the second trainer saw is stale, so "replace" is refused too.
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var current = await http.GetAsync("/api/variants/class-what-if");
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/variants/class-what-if") { Content = Yaml(await current.Content.ReadAsStringAsync()) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(put)).StatusCode);
        }
        await second.Locator("#replace-variant").ClickAsync();
        await second.Locator("#save-refused").WaitForAsync();
        Assert.Contains("has changed since you were shown it", await second.Locator("#save-refused").InnerTextAsync());
        // Now confirming the version shown replaces it.
        await second.Locator("#replace-variant").ClickAsync();
        await second.WaitForURLAsync("**/variants?saved=class-what-if");
        Assert.Equal(1, await second.Locator("tr[data-variant='class-what-if'] form[data-confirm]").CountAsync());
        await BrowserDashboard.ShotAsync(second, "21-saved-after-confirm");
    }

    [Fact]
    public async Task Variants_api_answers_201_409_412_200_and_refuses_scenario_and_exercise_ids()
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var yaml = $"variant: api-what-if\ntitle: \"No closure\"\nbase: {Base}.yaml\nchanges:\n  remove: [covid-19]\n";

        async Task<HttpResponseMessage> Put(string id, string body, string? ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/variants/{id}") { Content = Yaml(body) };
            if (ifMatch is not null)
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await http.SendAsync(request);
        }

        var created = await Put("api-what-if", yaml, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var etag = created.Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.Conflict, (await Put("api-what-if", yaml, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put("api-what-if", yaml, "\"stale\"")).StatusCode);
        var replaced = await Put("api-what-if", yaml.Replace("No closure", "No closure at all"), etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put("api-what-if", yaml, etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Put("no-covid", yaml.Replace("api-what-if", "no-covid"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Put(Base, yaml.Replace("api-what-if", Base), null)).StatusCode);

        var got = await http.GetAsync("/api/variants/api-what-if");
        Assert.Equal(replaced.Headers.ETag!.ToString(), got.Headers.ETag!.ToString());
        Assert.Contains("No closure at all", await got.Content.ReadAsStringAsync());
        var listed = JsonDocument.Parse(await http.GetStringAsync("/api/variants")).RootElement.EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == "api-what-if");
        Assert.Equal(Base, listed.GetProperty("base").GetString());
        Assert.Equal(got.Headers.ETag!.ToString(), listed.GetProperty("etag").GetString());
        Assert.True(listed.TryGetProperty("saved_at", out _));

        // A saved variant runs by its id as a scenario does (issue 22: it was 400 "no scenario"); an unknown id names both lists.
        var run = await DashboardFactory.PostScenarioIdAsync(http, "api-what-if");
        await app.Dashboard.WaitForRunAsync(run);
        var status = JsonDocument.Parse(await http.GetStringAsync($"/api/runs/{run}")).RootElement;
        Assert.Equal("api-what-if", status.GetProperty("scenarioId").GetString());
        Assert.Equal("No closure at all", status.GetProperty("title").GetString());
        using (var unknown = await http.PostAsJsonAsync("/api/runs", new { scenarioId = "no-such-what-if" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("GET /api/variants", await unknown.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync("/api/variants/api-what-if")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync("/api/variants/api-what-if")).StatusCode);
    }

    [Fact]
    public async Task Trainer_adds_an_mou_the_overlay_differs_from_the_base_by_exactly_that_event()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/en/whatif/{Base}");
        await page.Locator("input[name=id]").FillAsync("mou-2025-added");
        await page.Locator("input[name='new-id']").FillAsync("mou-2025");
        await page.Locator("input[name='new-date']").FillAsync("2025-03-01");
        await page.Locator("select[name='new-kind']").SelectOptionAsync("agreement");
        await page.Locator("select[name='new-a']").SelectOptionAsync("lao-cai-city");
        await page.Locator("select[name='new-b']").SelectOptionAsync("hekou");
        await page.Locator("select[name='new-source']").SelectOptionAsync("laocai-2023-03-21");
        await page.Locator("input[name='new-title']").FillAsync("A new MoU");
        await BrowserDashboard.ShotAsync(page, "22-whatif-add-event");
        await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/compare?**");
        await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Contains("Adds A new MoU (mou-2025)", await page.Locator("#changes").InnerTextAsync());
        await BrowserDashboard.ShotAsync(page, "23-compare-added-mou");

        var query = new Uri(page.Url).Query;
        var variantRun = Regex.Match(query, "variant=([^&]+)").Groups[1].Value;
        var exported = await (await page.APIRequest.GetAsync($"/api/runs/{variantRun}/variant.yaml")).TextAsync();
        var (variant, problems) = new ScenarioLoader().CheckText("mou-2025-added.yaml", exported, RepositoryFiles.Scenarios);
        Assert.Empty(problems);
        var baseScenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, Base + ".yaml"));
        // The variant is the base plus that one event, nothing else.
        Assert.Equal(baseScenario.Events.Select(e => e.Id).Append("mou-2025"), variant!.Events.Select(e => e.Id));
        Assert.Equal(baseScenario.Model, variant.Model);
        Assert.Equal(baseScenario.Interruptions, variant.Interruptions);

        var expected = Comparison.Rows(ReferenceEvaluator.Evaluate(baseScenario), ReferenceEvaluator.Evaluate(variant))
            .ToDictionary(r => (r.Dyad.A, r.Dyad.B, SeriesCsv.Format(r.Date)), r => r.Delta);
        var csv = (await (await page.APIRequest.GetAsync($"/api/compare.csv{query}")).TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("actor_a,actor_b,date,base_strength,other_strength,delta", csv[0]);
        Assert.Equal(expected.Count, csv.Length - 1);
        foreach (var line in csv.Skip(1))
        {
            var f = line.Split(',');
            var delta = double.Parse(f[5], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(expected[(f[0], f[1], f[2])] - delta) <= 1e-9, $"{line}: reference delta {expected[(f[0], f[1], f[2])]}");
            // Before the MoU nothing differs; on its own dyad it strengthens the tie.
            if (string.CompareOrdinal(f[2], "2025-03-01") < 0)
                Assert.Equal(0, delta);
        }
        Assert.Contains(csv, l => l.StartsWith("hekou,lao-cai-city,2025-04-01,", StringComparison.Ordinal) && double.Parse(l.Split(',')[5], CultureInfo.InvariantCulture) > 1);

        // The picker narrows the overlay to one relationship; its plot downloads follow the choice.
        await page.Locator("#compare-picker select[name=dyad]").SelectOptionAsync("hekou~lao-cai-city");
        await page.Locator("#compare-picker button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("dyad=hekou~lao-cai-city") || url.Contains("dyad=hekou%7Elao-cai-city"));
        foreach (var format in new[] { "png", "svg" })
        {
            var href = await page.Locator($".downloads a[href*='plot.{format}']").GetAttributeAsync("href");
            Assert.Contains("dyad=", href);
            var file = await page.APIRequest.GetAsync(href!);
            Assert.Equal(200, file.Status);
            Assert.StartsWith(format == "png" ? "image/png" : "image/svg+xml", file.Headers["content-type"]);
        }
        Assert.Equal(400, (await page.APIRequest.GetAsync($"/api/compare/plot.png{query}&dyad=bogus")).Status);
        // Each difference explains itself in the base and in the variant.
        await page.Locator("#differences a", new() { HasText = "why? (variant)" }).First.ClickAsync();
        await page.Locator("#explanation-result").WaitForAsync();
        Assert.Contains("A new MoU", await page.Locator("#explanation-result").InnerTextAsync());
    }

    [Fact]
    public async Task Trainer_sees_problems_at_their_fields_then_adds_an_interruption()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/en/whatif/{Base}");
        await page.Locator("input[name=id]").FillAsync("closure-2025");
        await page.Locator("input[name='ev-date:pioneer-exchange']").FillAsync("2031-01-01");
        await page.Locator("input[name='new-int-id']").FillAsync("closure-2025");
        await page.Locator("input[name='new-int-from']").FillAsync("2025-01-01");
        await page.Locator("input[name='new-int-to']").FillAsync("2025-06-30");
        await page.Locator("select[name='new-int-scope']").SelectOptionAsync("countries");
        await page.Locator("input[name='new-int-list']").FillAsync("XX");
        await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();

        // Moving an event out of the period is refused at its row; the scope at the interruption's field.
        var eventRow = page.Locator("tr[data-event='pioneer-exchange'] .field-problem");
        Assert.Contains("outside the scenario's period", await eventRow.InnerTextAsync());
        Assert.Contains("XX", await page.Locator("#new-interruption .field-problem[data-field='int-list']").InnerTextAsync());
        Assert.Equal("2031-01-01", await page.Locator("input[name='ev-date:pioneer-exchange']").InputValueAsync());
        await BrowserDashboard.ShotAsync(page, "25-whatif-field-problems");

        await page.Locator("input[name='ev-date:pioneer-exchange']").FillAsync("2023-03-22");
        await page.Locator("input[name='new-int-list']").FillAsync("CN");
        await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/compare?**");
        await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        Assert.Contains("Adds the interruption closure-2025 (closure-2025), 01/01/2025 – 30/06/2025, in CN.", await page.Locator("#changes").InnerTextAsync());
        var variantRun = Regex.Match(new Uri(page.Url).Query, "variant=([^&]+)").Groups[1].Value;
        var exported = await (await page.APIRequest.GetAsync($"/api/runs/{variantRun}/variant.yaml")).TextAsync();
        var (variant, problems) = new ScenarioLoader().CheckText("closure-2025.yaml", exported, RepositoryFiles.Scenarios);
        Assert.Empty(problems);
        var added = variant!.Interruptions.Single(i => i.Id == "closure-2025");
        Assert.Equal(["CN"], added.Scope.Countries);
        Assert.Equal(new DateOnly(2025, 6, 30), added.To);
    }

    [Fact]
    public async Task Every_link_reachable_from_the_start_page_answers_and_a_narrow_window_does_not_scroll_sideways()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = new Uri(app.BaseUrl) };
        var uploaded = await DashboardFactory.PostYamlAsync(http, File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios, Base + ".yaml"))
            .Replace("include: [shared/covid-19.yaml, shared/regions.yaml]", "include: [shared/covid-19.yaml, shared/regions.yaml]\n# uploaded"));
        await app.Dashboard.WaitForRunAsync(uploaded);
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/variants/crawl-what-if")
        {
            Content = Yaml($"variant: crawl-what-if\ntitle: \"Crawled\"\nbase: {Base}.yaml\nchanges:\n  remove: [covid-19]\n"),
        })
            Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(put)).StatusCode);
        // And a variant run made in the editor, whose run page once linked the editor at its variant's id (a 404).
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/en/whatif/{Base}");
        await page.Locator("input[value='i:covid-19']").UncheckAsync();
        await page.Locator("#whatif-form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync("**/compare?**");
        await page.Locator("figure#compare[data-ready=true]").WaitForAsync(new() { Timeout = RunTimeout });
        var editorRun = Regex.Match(new Uri(page.Url).Query, "variant=([^&]+)").Groups[1].Value;

        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var broken = new List<string>();
        while (queue.Count > 0 && seen.Count < 600)
        {
            var url = queue.Dequeue();
            using var response = await http.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.NotFound)
                broken.Add(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            foreach (Match link in Href().Matches(await response.Content.ReadAsStringAsync()))
            {
                var href = WebUtility.HtmlDecode(link.Groups[1].Value).Split('#')[0];
                if (href.Length == 0 || !href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/orleans", StringComparison.Ordinal))
                    continue;
                if (seen.Add(href))
                    queue.Enqueue(href);
            }
        }
        Assert.True(queue.Count == 0, $"the crawl stopped at {seen.Count} addresses with {queue.Count} left");
        Assert.True(broken.Count == 0, "404: " + string.Join(", ", broken));
        Assert.Contains($"/runs/{uploaded}", seen);
        Assert.Contains("/variants/crawl-what-if.yaml", seen);
        Assert.Contains($"/runs/{editorRun}", seen);
        Assert.Contains($"/whatif/{Base}?from={editorRun}", seen);

        await page.SetViewportSizeAsync(800, 900);
        foreach (var path in new[] { $"/runs/{uploaded}", "/", $"/whatif/{Base}", "/variants", "/runs", "/glossary", "/model" })
        {
            await page.GotoAsync(path);
            var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
            Assert.True(scroll <= client, $"{path} at 800 px is {scroll} px wide");
        }
        await page.GotoAsync($"/en/runs/{uploaded}");
        await BrowserDashboard.ShotAsync(page, "24-run-800px");
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
