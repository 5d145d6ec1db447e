using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Relations.Hosting.Operators;

/// <summary>
/// Health checks (ASP.NET Core's): live — the process answers; ready — a silo is Active in the cluster's membership,
/// its storage answers, and a client (a dashboard of a cluster) reaches the cluster. Served at /health/live and
/// /health/ready (<see cref="OperatorEndpoints"/>); a check that does not answer within seconds is unhealthy.
/// </summary>
public static class RelationsHealth
{
    public const string Live = "live";
    public const string Ready = "ready";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <param name="storage">The silo's storage, checked when durable; null for a client, whose cluster is checked instead.</param>
    public static IHealthChecksBuilder AddRelationsHealthChecks(this IServiceCollection services, RelationsStorage? storage)
    {
        var checks = services.AddHealthChecks().AddCheck("process", () => HealthCheckResult.Healthy(), [Live]);
        if (storage is null)
            return checks.AddCheck<ClusterReachable>("cluster", HealthStatus.Unhealthy, [Ready], CheckTimeout);
        checks.AddCheck<SiloActive>("silo", HealthStatus.Unhealthy, [Ready], CheckTimeout);
        if (storage.IsDurable)
            checks.Add(new HealthCheckRegistration("storage", _ => new StorageAnswers(storage), HealthStatus.Unhealthy, [Ready], CheckTimeout));
        return checks;
    }

    /// <summary>This silo is Active in the membership it knows.</summary>
    private sealed class SiloActive(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            return Task.FromResult(status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active")
                : HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status.ToString().ToLowerInvariant()}"));
        }
    }

    /// <summary>The grain state's table answers a read (a table not made yet answers too: nothing was stored).</summary>
    private sealed class StorageAnswers(RelationsStorage storage) : IHealthCheck
    {
        private readonly TableClient table = storage.TableService().GetTableClient(storage.TableName);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
                    break;
                return HealthCheckResult.Healthy("storage answers");
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return HealthCheckResult.Healthy("storage answers (no grain state stored yet)");
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException or System.Net.Http.HttpRequestException)
            {
                return HealthCheckResult.Unhealthy($"storage does not answer: {ex.GetBaseException().Message}");
            }
        }
    }

    /// <summary>The cluster answers a client: its management grain lists at least one active silo.</summary>
    private sealed class ClusterReachable(IClusterClient client) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            try
            {
                var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
                return hosts.Count > 0
                    ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                    : HealthCheckResult.Unhealthy("the cluster has no active silo");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"the cluster does not answer: {ex.GetBaseException().Message}");
            }
        }
    }
}
