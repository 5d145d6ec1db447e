using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Relations.Dashboard.Tests;

/// <summary>
/// What operators read from a dashboard: /health/live and /health/ready (its own silo active, its storage answering),
/// /metrics in Prometheus text with Orleans' and the project's meters, and a trace that follows an HTTP request into
/// the grain calls it causes.
/// </summary>
public sealed class OperatorEndpointsTests(DashboardFactory dashboard) : IClassFixture<DashboardFactory>
{
    private readonly HttpClient client = dashboard.CreateClient();

    [Fact]
    public async Task Health_and_metrics_are_served_and_the_runs_meter_counts_a_run()
    {
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());

        var before = RunsStarted(await client.GetStringAsync("/metrics"));
        await dashboard.WaitForRunAsync(await DashboardFactory.PostScenarioIdAsync(client, "border-2013-2026"));
        using var metrics = await client.GetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\norleans_", text);
        Assert.True(RunsStarted(text) >= before + 1, $"relations_runs_started_total went from {before} to {RunsStarted(text)}");
    }

    [Fact]
    public async Task A_grain_call_is_traced_from_the_HTTP_request_that_caused_it()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var runId = await DashboardFactory.PostScenarioIdAsync(client, "border-2013-2026");
        await dashboard.WaitForRunAsync(runId);

        // The call that started the run, made by the request's handler, and the request itself: one trace.
        var start = Assert.Single(stopped, a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && a.Kind == ActivityKind.Client
            && (a.GetTagItem("orleans.rpc.target_id") as string)?.EndsWith(runId, StringComparison.Ordinal) == true
            && (a.GetTagItem("rpc.method") as string)?.EndsWith("/Start", StringComparison.Ordinal) == true);
        var request = Assert.Single(stopped, a => a.TraceId == start.TraceId && a.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn");
        Assert.Null(request.Parent);
        // The silo's side of the call carries the same trace.
        Assert.Contains(stopped, a => a.TraceId == request.TraceId && a.Kind == ActivityKind.Server
            && (a.GetTagItem("orleans.rpc.target_id") as string)?.EndsWith(runId, StringComparison.Ordinal) == true);
    }

    private static double RunsStarted(string metrics) =>
        metrics.Split('\n').Where(line => line.StartsWith("relations_runs_started_total", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
