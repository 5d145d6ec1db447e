using System.Net;
using System.Net.Sockets;

namespace Relations.Grains.Interfaces;

/// <summary>How the project's hosts find each other: the cluster's ids, gateway addresses, free loopback ports.</summary>
public static class ClusterAddress
{
    /// <summary>The cluster id every silo and client of the project uses.</summary>
    public const string ClusterId = "relations";

    /// <summary>The service id; Azure Table grain state is partitioned by it, so it never changes.</summary>
    public const string ServiceId = "relations";

    /// <summary>A loopback port nothing listens on now, so that two hosts never share a silo by accident.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Parses <c>--gateway HOST:PORT</c>; a <see cref="FormatException"/> says in words what is wrong.</summary>
    public static IPEndPoint ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new FormatException($"--gateway '{gateway}' is not HOST:PORT, such as 127.0.0.1:30000");
        var host = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
            return new IPEndPoint(address, port);
        if (host == "localhost")
            return new IPEndPoint(IPAddress.Loopback, port);
        try
        {
            var found = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new FormatException($"--gateway host '{host}' has no IPv4 address");
            return new IPEndPoint(found, port);
        }
        catch (SocketException)
        {
            throw new FormatException($"--gateway host '{host}' cannot be resolved");
        }
    }
}
