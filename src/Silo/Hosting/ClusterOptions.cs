using System.Net;
using System.Net.Sockets;

namespace Relations.Silo.Hosting;

/// <summary>How a command reaches grains: an embedded silo of its own, or a running cluster's gateway.</summary>
public sealed record ClusterTarget(IPEndPoint? Gateway)
{
    public static ClusterTarget Embedded { get; } = new((IPEndPoint?)null);

    /// <summary>Parses <c>--gateway HOST:PORT</c>; null when not given.</summary>
    public static ClusterTarget Parse(string? gateway)
    {
        if (string.IsNullOrWhiteSpace(gateway))
            return Embedded;
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new Cli.BadInputException($"--gateway '{gateway}' is not HOST:PORT, such as 127.0.0.1:30000");
        var host = gateway[..colon].Trim('[', ']');
        var address = IPAddress.TryParse(host, out var ip) ? ip
            : host == "localhost" ? IPAddress.Loopback
            : Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
              ?? throw new Cli.BadInputException($"--gateway host '{host}' cannot be resolved");
        return new ClusterTarget(new IPEndPoint(address, port));
    }
}

/// <summary>Free loopback ports for an embedded silo, so concurrent runs and tests never share a silo by accident.</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
