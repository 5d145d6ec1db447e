using System.Net;
using Microsoft.Extensions.Hosting;

namespace Relations.Silo.Hosting;

/// <summary>
/// The host of <c>relations silo</c>: the standard host defaults (appsettings, environment variables, console
/// lifetime — Ctrl+C and SIGTERM stop it gracefully —, logging) with configuration bound as every command binds it (StorageOptionSet).
/// </summary>
internal static class SiloHost
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        RelationsCluster.Quiet(builder.Logging);
        return builder;
    }

    /// <summary>The address a silo advertises: <c>--advertise</c>, else loopback.</summary>
    public static IPAddress Advertised(RelationsHostOptions options) =>
        options.Advertise is { Length: > 0 } advertise ? ClusterAddress.ParseAdvertise(advertise) : IPAddress.Loopback;
}
