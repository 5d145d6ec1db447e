using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Relations.Dashboard.Tests.Access;

/// <summary>
/// Sign-in through OpenID Connect against a real provider (the tests' OpenIddict server), and what each role may do:
/// anonymous requests are challenged (the API answers 401), students are refused the Orleans dashboard, other
/// students' variants and a trainer's exercise, a trainer reads and deletes the variants of their session, and
/// cross-site requests are still refused.
/// </summary>
public sealed partial class SignInAndRolesTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>, IAsyncLifetime
{
    private OidcDashboard dashboard = null!;

    public Task InitializeAsync()
    {
        dashboard = new OidcDashboard(provider);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [Fact]
    public async Task Anonymous_requests_get_the_sign_in_challenge_and_the_api_answers_401()
    {
        var anonymous = dashboard.Anonymous();
        foreach (var page in new[] { "/", "/runs", "/variants", "/class", "/orleans/" })
        {
            using var answer = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.StartsWith($"{provider.Url}connect/authorize?", answer.Headers.Location!.AbsoluteUri);
            Assert.Contains($"client_id={TestIdentityProvider.ClientId}", answer.Headers.Location.Query);
        }
        foreach (var api in new[] { "/api/scenarios", "/api/runs", "/api/variants", "/api/audit" })
        {
            using var answer = await anonymous.GetAsync(api);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }
        using var post = await anonymous.PostAsJsonAsync("/api/runs", new { scenarioId = ClassClients.Base });
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        // The sign-in and join pages themselves need no sign-in, nor do the health probes.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/join")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Students_are_refused_what_is_not_theirs_and_the_trainer_reads_and_deletes_their_variants()
    {
        var trainer = await dashboard.SignInAsync("thu", "trainer");
        var code = await ClassClients.OpenAsync(trainer);
        using (var exercise = await ClassClients.PutVariantAsync(trainer, "trainer-exercise", ClassClients.VariantYaml("trainer-exercise", 365)))
            Assert.Equal(HttpStatusCode.Created, exercise.StatusCode);

        var an = dashboard.Anonymous();
        await ClassClients.JoinAsync(an, code, "An");
        var binh = dashboard.Anonymous();
        await ClassClients.JoinAsync(binh, code, "Bình");
        using (var saved = await ClassClients.PutVariantAsync(an, "an-variant", ClassClients.VariantYaml("an-variant", 400)))
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var etag = (await an.GetAsync("/api/variants/an-variant")).Headers.ETag!.Tag;

        // A student who signed in through the institution's provider, and one who joined by code.
        var oidcStudent = await dashboard.SignInAsync("chi", "student");
        foreach (var student in new[] { oidcStudent, binh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/orleans/")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync("/metrics")).StatusCode);
            using (var replace = await ClassClients.PutVariantAsync(student, "an-variant", ClassClients.VariantYaml("an-variant", 999), etag))
                Assert.Equal(HttpStatusCode.Forbidden, replace.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.DeleteAsync("/api/variants/an-variant")).StatusCode);
            using (var replace = await ClassClients.PutVariantAsync(student, "trainer-exercise", ClassClients.VariantYaml("trainer-exercise", 1), "*"))
                Assert.Equal(HttpStatusCode.Forbidden, replace.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.DeleteAsync("/api/variants/trainer-exercise")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.PostAsync($"/api/sessions/{code}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.PostAsJsonAsync("/api/sessions", new { @base = ClassClients.Base, question = "mine?" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await student.PostAsJsonAsync("/api/runs", new { scenarioId = ClassClients.Base })).StatusCode);
        }
        // Reading is allowed; what the students tried changed nothing.
        Assert.Contains("halfLifeDays: 400", await binh.GetStringAsync("/api/variants/an-variant"));
        Assert.Contains("halfLifeDays: 365", await an.GetStringAsync("/api/variants/trainer-exercise"));

        Assert.Contains("halfLifeDays: 400", await trainer.GetStringAsync("/api/variants/an-variant"));
        Assert.Equal(HttpStatusCode.NoContent, (await trainer.DeleteAsync("/api/variants/an-variant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await an.GetAsync("/api/variants/an-variant")).StatusCode);
        var operatorClient = await dashboard.SignInAsync("op", "operator");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/metrics")).StatusCode);

        // The audit shows the trainer who did what in their session: An saved, Thu deleted.
        var audit = JsonDocument.Parse(await trainer.GetStringAsync("/api/audit")).RootElement.EnumerateArray()
            .Select(e => $"{e.GetProperty("who").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("target").GetString()}").ToList();
        Assert.Contains("An saved an-variant", audit);
        Assert.Contains("thu deleted an-variant", audit);
        Assert.Contains("Bình joined " + code, audit);
        Assert.Equal(HttpStatusCode.Forbidden, (await binh.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Cross_site_requests_are_refused_when_signed_in()
    {
        var trainer = await dashboard.SignInAsync("lan", "trainer");
        // A form posted without its antiforgery token (as another site's page would post it) is refused.
        using var form = await trainer.PostAsync("/class", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["baseId"] = ClassClients.Base,
            ["question"] = "forged?",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        // With its token, the same form opens a session.
        var token = Token().Match(await trainer.GetStringAsync("/class")).Groups[1].Value;
        using var real = await trainer.PostAsync("/class", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["baseId"] = ClassClients.Base,
            ["question"] = "real",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        // The API refuses a change a page of another origin sends with the sign-in cookie.
        var forged = new HttpRequestMessage(HttpMethod.Put, "/api/variants/forged")
        {
            Content = new StringContent(ClassClients.VariantYaml("forged", 300), System.Text.Encoding.UTF8, "application/yaml"),
        };
        forged.Headers.Add("Origin", "http://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync("/api/variants/forged")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
