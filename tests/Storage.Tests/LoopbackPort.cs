using System.Net;
using System.Net.Sockets;

namespace Relations.Storage.Tests;

/// <summary>Ports on 127.0.0.1 that nothing listens on when asked.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
