using System.Net;

namespace Relations.Dashboard.Access;

/// <summary>Whether the addresses the dashboard listens on are all loopback (127.0.0.0/8, ::1, localhost).</summary>
public static class ListenAddresses
{
    /// <summary>The first address of <paramref name="urls"/> (";"-separated) that other machines could reach, or null.</summary>
    public static string? FirstReachable(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = url.IndexOf("://", StringComparison.Ordinal);
            var rest = start < 0 ? url : url[(start + 3)..];
            var host = rest.StartsWith('[') ? rest[1..rest.IndexOf(']')] : rest.Split(':', '/')[0];
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                continue;
            if (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))
                continue;
            return url;
        }
        return null;
    }
}
