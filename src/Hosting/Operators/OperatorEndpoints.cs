using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Relations.Hosting.Operators;

/// <summary>What operators and their tools read: /health/live, /health/ready (200, or 503 when unhealthy) and /metrics (Prometheus text).</summary>
public static class OperatorEndpoints
{
    /// <summary>Maps the three; the caller decides who may read them (their endpoint conventions are returned).</summary>
    public static IEndpointConventionBuilder[] MapOperatorEndpoints(this IEndpointRouteBuilder app) =>
    [
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(RelationsHealth.Live) }),
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(RelationsHealth.Ready) }),
        app.MapPrometheusScrapingEndpoint("/metrics"),
    ];
}
