using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Relations.Dashboard.Tests.Access;

/// <summary>What a trainer's and a student's client do in a class session, over the JSON API.</summary>
public static class ClassClients
{
    public const string Base = "lao-cai-hekou-youth";

    /// <summary>A variant of the exercise's base that sets the half-life: each student's curve differs.</summary>
    public static string VariantYaml(string id, double halfLifeDays) => string.Create(CultureInfo.InvariantCulture, $"""
        variant: {id}
        title: "Half-life {halfLifeDays} days"
        base: {Base}.yaml
        changes:
          model: {'{'} halfLifeDays: {halfLifeDays} {'}'}

        """);

    /// <summary>Opens a session on the base and answers its join code.</summary>
    public static async Task<string> OpenAsync(HttpClient trainer, int? runsPerStudent = null)
    {
        using var opened = await trainer.PostAsJsonAsync("/api/sessions", new { @base = Base, question = "Which half-life fits the 2019 peak?", runsPerStudent });
        var body = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, $"POST /api/sessions answered {(int)opened.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
    }

    public static async Task JoinAsync(HttpClient student, string code, string name)
    {
        using var joined = await student.PostAsJsonAsync($"/api/sessions/{code}/join", new { name });
        Assert.True(joined.StatusCode == HttpStatusCode.OK, $"join answered {(int)joined.StatusCode}: {await joined.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> PutVariantAsync(HttpClient client, string id, string yaml, string? ifMatch = null)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/variants/{id}") { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") };
        if (ifMatch is not null)
            put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(put);
    }

    /// <summary>Saves a variant (201 expected) and runs it in the session (202 expected); answers the run id.</summary>
    public static async Task<string> SaveAndRunAsync(HttpClient student, string code, string id, double halfLifeDays)
    {
        using (var saved = await PutVariantAsync(student, id, VariantYaml(id, halfLifeDays)))
            Assert.True(saved.StatusCode == HttpStatusCode.Created, $"PUT {id} answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        using var run = await student.PostAsJsonAsync($"/api/sessions/{code}/runs", new { variantId = id });
        var body = await run.Content.ReadAsStringAsync();
        Assert.True(run.StatusCode == HttpStatusCode.Accepted, $"running {id} answered {(int)run.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
