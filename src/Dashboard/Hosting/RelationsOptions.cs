using System.Net;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Hosting;

/// <summary>
/// How the dashboard runs, from the "Relations" configuration section (appsettings, environment variables such as
/// <c>Relations__Gateway</c>, or the command line's <c>--gateway</c>, <c>--storage</c>, <c>--connection-string</c>,
/// <c>--scenarios</c>, <c>--silo-port</c> and <c>--gateway-port</c>).
/// </summary>
public sealed class RelationsOptions
{
    public const string Section = "Relations";

    /// <summary>Where the dashboard listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The command-line switches of interfaces.md, mapped onto this section.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--gateway"] = $"{Section}:{nameof(Gateway)}",
        ["--storage"] = $"{Section}:{nameof(Storage)}",
        ["--connection-string"] = $"{Section}:{nameof(ConnectionString)}",
        ["--scenarios"] = $"{Section}:{nameof(Scenarios)}",
        ["--silo-port"] = $"{Section}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{Section}:{nameof(GatewayPort)}",
        ["--data"] = $"{Section}:{nameof(Data)}",
    };

    /// <summary>HOST:PORT of a running cluster's gateway; without it the dashboard co-hosts a silo of its own.</summary>
    public string? Gateway { get; set; }

    /// <summary>
    /// memory or azure: where the co-hosted silo keeps grain state (a cluster reached by --gateway has its own). Unset,
    /// with no connection string either, the silo keeps data in a local Azurite (<see cref="DefaultStorage"/>).
    /// </summary>
    public string? Storage { get; set; }

    /// <summary>The local Azurite's data folder when no storage is configured.</summary>
    public string? Data { get; set; }

    /// <summary>Azure Storage or Azurite (UseDevelopmentStorage=true) for --storage azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The scenarios folder; by default the repository's scenarios/ found by walking up to Relations.sln.</summary>
    public string? Scenarios { get; set; }

    /// <summary>The co-hosted silo's ports; free loopback ports when not given.</summary>
    public int? SiloPort { get; set; }

    public int? GatewayPort { get; set; }

    /// <summary>The largest scenario or variant an upload may be.</summary>
    public int MaxUploadBytes { get; set; } = 1024 * 1024;

    /// <summary>Checks the options; answers the gateway to connect to (null: co-host a silo) and the co-hosted silo's storage.</summary>
    /// <exception cref="DashboardOptionsException">An option has a value the dashboard cannot use.</exception>
    public IPEndPoint? Validate()
    {
        if ((Storage is not null || ConnectionString is not null)
            && new RelationsStorage(Storage ?? RelationsStorage.Azure, ConnectionString).Problem() is { } problem)
            throw new DashboardOptionsException(problem);
        foreach (var (name, port) in new[] { ("--silo-port", SiloPort), ("--gateway-port", GatewayPort) })
        {
            if (port is < 1 or > 65535)
                throw new DashboardOptionsException($"{name} {port} is not a port number (1–65535)");
        }
        return ParseGateway(Gateway);
    }

    private static IPEndPoint? ParseGateway(string? gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway))
            return null;
        try
        {
            return ClusterAddress.ParseGateway(gateway);
        }
        catch (FormatException ex)
        {
            throw new DashboardOptionsException(ex.Message);
        }
    }
}

/// <summary>An option the dashboard cannot start with; its message is printed as it is, without a stack trace.</summary>
public sealed class DashboardOptionsException(string message) : Exception(message);
