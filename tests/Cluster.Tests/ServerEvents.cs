using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Relations.Cluster.Tests;

/// <summary>A dashboard's pushed progress (<c>/api/runs/{id}/events</c>, <c>/api/jobs/{id}/events</c>) as a page's EventSource reads it.</summary>
internal static class ServerEvents
{
    /// <summary>Each event's JSON as it is pushed, until the dashboard ends the stream (the run or job has ended, or the dashboard went away).</summary>
    public static async IAsyncEnumerable<JsonElement> FollowAsync(HttpClient http, string path, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellation);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellation))
        {
            using var json = JsonDocument.Parse(item.Data);
            yield return json.RootElement.Clone();
        }
    }

    /// <summary>Follows a run or job at <paramref name="path"/> until it is no longer running; answers its last event.</summary>
    public static async Task<JsonElement> UntilEndedAsync(HttpClient http, string path, CancellationToken cancellation)
    {
        await foreach (var status in FollowAsync(http, path, cancellation))
        {
            if (status.GetProperty("status").GetString() != "running")
                return status;
        }
        throw new InvalidOperationException($"{path} ended while the work was still running");
    }
}
