using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Relations.Dashboard.Tests;

/// <summary>
/// The HTTP promises of docs/reliability.md: language links that stay on this site, host filtering, 413 at the door, the same
/// security headers on every path, and a completed run's files served with validators and rendered once.
/// </summary>
public sealed class HttpHardeningTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private readonly HttpClient client = dashboard.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("//evil.example", "/evil.example")]
    [InlineData("/\\evil.example", "/evil.example")]
    [InlineData("/upload", "/upload")]
    public void The_language_links_stay_on_this_site(string path, string english)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Path = path;
        Assert.Equal("/en" + english, Relations.Dashboard.Localization.LanguagePath.Address(http, "en"));
        Assert.Equal(english, Relations.Dashboard.Localization.LanguagePath.Address(http, "vi"));
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = "rebind.evil.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversize_multipart_upload_answers_413()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[2 * 1024 * 1024]), "Upload", "big.yaml");
        using var response = await client.PostAsync("/upload", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/orleans/")]
    [InlineData("/api/scenarios")]
    [InlineData("/no-such-page")]
    public async Task Every_path_carries_the_security_headers(string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_completed_runs_plot_and_files_carry_an_etag_and_answer_304()
    {
        var id = await DashboardFactory.PostScenarioIdAsync(client, "lao-cai-hekou-youth");
        await dashboard.WaitForRunAsync(id);
        foreach (var file in new[] { "plot.png", "plot.svg", "series.csv", "series.json" })
        {
            using var first = await client.GetAsync($"/api/runs/{id}/{file}");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            var bytes = await first.Content.ReadAsByteArrayAsync();

            using var again = await client.GetAsync($"/api/runs/{id}/{file}");
            Assert.Equal(etag, again.Headers.ETag);
            Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());

            using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{id}/{file}");
            conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag!.Tag));
            using var notModified = await client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    /// <summary>A dashboard whose requests have a budget of one millisecond: a large upload's check runs past it.</summary>
    public sealed class HurriedDashboard : DashboardFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Relations:RequestTimeout", "00:00:00.001");
        }
    }

    [Fact]
    public async Task A_request_past_its_time_budget_answers_503_in_a_sentence_and_the_dashboard_goes_on()
    {
        await using var hurried = new HurriedDashboard();
        var http = hurried.CreateClient();
        // About 500 KB: its check takes far longer than the budget, on any machine.
        var yaml = new System.Text.StringBuilder("""
            id: over-budget
            period: { from: 2013-01-01, to: 2026-12-31 }
            sources:
              - { id: s, title: "Generated" }
            actors:
              - { id: lao-cai, kind: province, country: VN }
              - { id: yunnan, kind: province, country: CN }
            events:

            """);
        for (var i = 0; i < 5000; i++)
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ date: 2020-01-01, kind: visit, between: [lao-cai, yunnan], source: s, note: \"{new string('x', 60)} {i}\" }}\n");
        using var response = await http.PostAsync("/api/runs", new StringContent(yaml.ToString(), System.Text.Encoding.UTF8, "application/yaml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("This request took longer than its budget of 0.001 s", body);
        Assert.DoesNotContain("Exception", body);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

        // The dashboard goes on, and event streams have no budget: a run's stream follows it to its end, not 1 ms. (The run
        // is started from inside: since sign-in, even a small POST is past 1 ms before its body is read.)
        var catalog = hurried.Services.GetRequiredService<Relations.Dashboard.Scenarios.ScenarioCatalog>();
        var (scenario, _) = catalog.LoadWithSource(catalog.Find("lao-cai-hekou-youth")!);
        var run = await hurried.Services.GetRequiredService<Relations.Dashboard.Runs.RunService>()
            .StartAsync(new Relations.Grains.Interfaces.RunRequest(scenario, Relations.Model.Evaluation.SampleStep.Month, null));
        using var events = await http.GetAsync($"/api/runs/{run}/events");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Contains("\"status\":\"completed\"", await events.Content.ReadAsStringAsync());
    }
}
