using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Tests;

/// <summary>The dashboard in process, with its own co-hosted silo on free ports, reading the repository's scenarios.</summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Relations:Scenarios", RepositoryFiles.Scenarios);
        // The durable default would start a local Azurite with data under the home folder; tests choose their storage.
        builder.UseSetting("Relations:Storage", "memory");
        builder.UseEnvironment("Production");
    }

    /// <summary>Waits for a run through its simulation grain (no polling loop in the test).</summary>
    public async Task<RunStatus> WaitForRunAsync(string runId)
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        var status = await grains.GetGrain<ISimulationGrain>(runId).WaitForCompletion(TimeSpan.FromMinutes(2));
        Assert.True(status.State == RunState.Completed, $"run {runId} is {status.State}: {status.Error}");
        return status;
    }

    /// <summary>Waits for a job (an ensemble or a sweep) through its grain and asserts it completed.</summary>
    public async Task WaitForJobAsync(string jobId)
    {
        var status = await Services.GetRequiredService<IGrainFactory>().GetGrain<IJobGrain>(jobId).WaitForCompletion(TimeSpan.FromMinutes(2));
        Assert.True(status.State == JobState.Completed, $"job {jobId} is {status.State}: {status.Error}");
    }

    /// <summary>Starts a job as JSON (<c>POST /api/runs</c> with draws, <c>POST /api/sweeps</c>) and answers its id.</summary>
    public static async Task<string> PostJobAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Posts a scenario or variant as YAML and answers the new run's id.</summary>
    public static async Task<string> PostYamlAsync(HttpClient client, string yaml)
    {
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        using var response = await client.PostAsync("/api/runs", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST /api/runs answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<string> PostScenarioIdAsync(HttpClient client, string scenarioId)
    {
        using var response = await client.PostAsJsonAsync("/api/runs", new { scenarioId });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST /api/runs answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
