using System.Net;

namespace Relations.Hosting;

/// <summary>
/// How a command or the dashboard reaches grains: an embedded silo of its own, one known gateway, or a cluster
/// whose gateways are found in the membership table reached through <see cref="ConnectionString"/>.
/// </summary>
public sealed record ClusterTarget(IPEndPoint? Gateway, string? ClusterId, string? ConnectionString)
{
    public static ClusterTarget Embedded { get; } = new(null, null, null);

    public bool IsEmbedded => Gateway is null && ClusterId is null;

    /// <summary>
    /// The target <paramref name="options"/> name (checked with <see cref="RelationsHostOptions.Problem"/> first):
    /// <c>--cluster</c> with its storage — or, with none configured, the machine's local Azurite —, <c>--gateway</c>, or embedded.
    /// </summary>
    public static ClusterTarget From(RelationsHostOptions options)
    {
        if (options.Cluster is { } cluster)
        {
            if (options.Storage == RelationsStorage.Memory)
                throw new FormatException("--cluster finds the cluster in its storage's membership table: give --storage azure --connection-string CS, not memory");
            return new ClusterTarget(null, cluster, options.ConnectionString ?? LocalAzurite.ConnectionStringFor(LocalAzurite.MachinePort));
        }
        return string.IsNullOrWhiteSpace(options.Gateway) ? Embedded : new ClusterTarget(ClusterAddress.ParseGateway(options.Gateway), null, null);
    }

    public override string ToString() => Gateway is not null ? $"the gateway {Gateway}" : ClusterId is not null ? $"the cluster '{ClusterId}'" : "an embedded silo";
}
