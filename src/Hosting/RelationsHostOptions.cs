namespace Relations.Hosting;

/// <summary>
/// How a host of the project reaches or forms a cluster, bound from the "Relations" configuration section:
/// appsettings, environment variables (<c>Relations__Storage</c>, <c>Relations__Cluster</c>, …) and the
/// command-line switches of interfaces.md (<see cref="SwitchMappings"/>), the command line winning.
/// </summary>
public class RelationsHostOptions
{
    public const string Section = "Relations";

    /// <summary>The command-line switches of interfaces.md, mapped onto this section.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--cluster"] = $"{Section}:{nameof(Cluster)}",
        ["--gateway"] = $"{Section}:{nameof(Gateway)}",
        ["--storage"] = $"{Section}:{nameof(Storage)}",
        ["--connection-string"] = $"{Section}:{nameof(ConnectionString)}",
        ["--checkpoint-every"] = $"{Section}:{nameof(CheckpointEvery)}",
        ["--data"] = $"{Section}:{nameof(Data)}",
        ["--silo-port"] = $"{Section}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{Section}:{nameof(GatewayPort)}",
        ["--advertise"] = $"{Section}:{nameof(Advertise)}",
    };

    /// <summary>
    /// A silo forms or joins this cluster through the membership table in its storage; a client (a command, the
    /// dashboard) given it connects to that cluster, its gateways found in the membership table.
    /// </summary>
    public string? Cluster { get; set; }

    /// <summary>HOST:PORT of one known gateway of a running cluster.</summary>
    public string? Gateway { get; set; }

    /// <summary>memory or azure. Unset, with no connection string either, long-lived silos use the machine's local Azurite.</summary>
    public string? Storage { get; set; }

    /// <summary>Azure Storage or Azurite (UseDevelopmentStorage=true) for azure storage, and the membership table.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Time slices between a run's checkpoints.</summary>
    public int? CheckpointEvery { get; set; }

    /// <summary>The local Azurite's data folder when no storage is configured.</summary>
    public string? Data { get; set; }

    /// <summary>A silo's ports: these, or the defaults when free, or free ones.</summary>
    public int? SiloPort { get; set; }

    public int? GatewayPort { get; set; }

    /// <summary>The address a silo advertises to the others and to clients (loopback when not given).</summary>
    public string? Advertise { get; set; }

    /// <summary>Whether a storage is named at all (else long-lived silos take the machine's local Azurite).</summary>
    public bool StorageConfigured => Storage is not null || ConnectionString is not null;

    /// <summary>The storage asked for; memory when none is named.</summary>
    public RelationsStorage StorageOrMemory() =>
        new(Storage ?? (ConnectionString is null ? RelationsStorage.Memory : RelationsStorage.Azure), ConnectionString, CheckpointEvery);

    /// <summary>The first problem with these options, in words, or null.</summary>
    public string? Problem()
    {
        if (StorageOrMemory().Problem() is { } storage)
            return storage;
        foreach (var (name, port) in new[] { ("--silo-port", SiloPort), ("--gateway-port", GatewayPort) })
        {
            if (port is < 1 or > 65535)
                return $"{name} {port} is not a port number (1–65535)";
        }
        if (Cluster is not null && Gateway is not null)
            return "--cluster and --gateway are two ways to reach a cluster; give one";
        if (Cluster is { } id && !System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"))
            return $"--cluster '{id}' is not a cluster id (letters, digits, '.', '_' or '-', up to 64)";
        try
        {
            if (Gateway is { Length: > 0 } gateway)
                ClusterAddress.ParseGateway(gateway);
            if (Advertise is { Length: > 0 } advertise)
                ClusterAddress.ParseAdvertise(advertise);
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
        return null;
    }
}
