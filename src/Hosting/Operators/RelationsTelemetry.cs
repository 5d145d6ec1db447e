using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Relations.Model.Telemetry;

namespace Relations.Hosting.Operators;

/// <summary>
/// OpenTelemetry for every host of the project: the project's own meters (<see cref="RelationsMetrics"/>), Orleans',
/// ASP.NET Core's, Kestrel's, the runtime's and the resilience policies' (Polly), served as Prometheus text at
/// /metrics (<see cref="OperatorEndpoints"/>); and, when an OTLP endpoint is configured (the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, in the environment or configuration), metrics and traces sent there — traces of
/// HTTP requests and of the grain calls they cause (Orleans propagates the activity through grain calls).
/// </summary>
public static class RelationsTelemetry
{
    /// <summary>The meters exported: the project's and its frameworks'.</summary>
    public static readonly string[] Meters =
    [
        RelationsMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "System.Runtime", "System.Net.Http", "Polly",
    ];

    /// <summary>Orleans' activity sources (grain calls, lifecycle, storage) and ASP.NET Core's.</summary>
    public static readonly string[] TraceSources = ["Microsoft.Orleans.*", "Microsoft.AspNetCore"];

    /// <summary>Whether an OTLP endpoint is configured.</summary>
    public static bool OtlpConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <param name="serviceName">The host as operators name it: <c>relations-silo</c>, <c>relations-dashboard</c>.</param>
    public static IHostApplicationBuilder AddRelationsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            // Every scrape reads the meters as they are (the exporter's 300 ms answer cache would show a run that just
            // ended as not started; /metrics is for operators only, so there is no crowd to shield it from).
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (OtlpConfigured(builder.Configuration))
        {
            // Traces only where they go somewhere: an activity that no one listens to is not even created.
            telemetry.WithTracing(tracing => tracing.AddSource(TraceSources).AddAspNetCoreInstrumentation());
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
