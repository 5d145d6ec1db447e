using System.Net;
using System.Net.Sockets;

namespace Relations.Hosting;

/// <summary>How the project's hosts find each other: the cluster's ids, gateway addresses, free loopback ports.</summary>
public static class ClusterAddress
{
    /// <summary>The cluster id of <c>relations silo</c> and <c>--cluster</c> when none is given.</summary>
    public const string DefaultClusterId = "relations";

    /// <summary>The service id; grain state and reminders are keyed by it, so it never changes.</summary>
    public const string ServiceId = "relations";

    /// <summary>The default ports of <c>relations silo</c>, taken when free.</summary>
    public const int DefaultSiloPort = 11111;

    public const int DefaultGatewayPort = 30000;

    /// <summary>A loopback port nothing listens on now, so that two hosts never share a silo by accident.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><paramref name="preferred"/> when nothing listens on it at <paramref name="address"/>, else a free port.</summary>
    public static int PreferredOrFree(int preferred, IPAddress address)
    {
        try
        {
            using var listener = new TcpListener(address, preferred);
            listener.Start();
            return preferred;
        }
        catch (SocketException)
        {
            return FreeLoopbackPort();
        }
    }

    /// <summary>Parses <c>--gateway HOST:PORT</c>; a <see cref="FormatException"/> says in words what is wrong.</summary>
    public static IPEndPoint ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new FormatException($"--gateway '{gateway}' is not HOST:PORT, such as 127.0.0.1:30000");
        return new IPEndPoint(ParseHost(gateway[..colon].Trim('[', ']'), "--gateway"), port);
    }

    /// <summary>Parses <c>--advertise IP</c> (or a host name with an IPv4 address).</summary>
    public static IPAddress ParseAdvertise(string address) => ParseHost(address, "--advertise");

    private static IPAddress ParseHost(string host, string option)
    {
        if (IPAddress.TryParse(host, out var address))
            return address;
        if (host == "localhost")
            return IPAddress.Loopback;
        try
        {
            return Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new FormatException($"{option} host '{host}' has no IPv4 address");
        }
        catch (SocketException)
        {
            throw new FormatException($"{option} host '{host}' cannot be resolved");
        }
    }
}
