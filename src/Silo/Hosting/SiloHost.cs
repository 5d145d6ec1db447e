using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Relations.Silo.Hosting;

/// <summary>
/// The host of <c>relations silo</c>: the standard host defaults (appsettings, environment variables, console
/// lifetime — Ctrl+C and SIGTERM stop it gracefully —, logging) with configuration bound as every command binds it
/// (StorageOptionSet); a web host serving operators' endpoints when given an HTTP port.
/// </summary>
internal static class SiloHost
{
    /// <param name="httpPort">Serve HTTP on this port (at <see cref="HttpAddress"/>), or none when null.</param>
    public static IHostApplicationBuilder CreateBuilder(int? httpPort, IPAddress advertised)
    {
        if (httpPort is not { } port)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
            RelationsCluster.Quiet(builder.Logging);
            return builder;
        }
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        RelationsCluster.Quiet(web.Logging);
        web.WebHost.UseUrls($"http://{HttpAddress(advertised)}:{port}");
        return web;
    }

    /// <summary>Where operators' HTTP listens: loopback for a silo of one machine, every address when others reach it (or in a pod).</summary>
    public static string HttpAddress(IPAddress advertised) =>
        IPAddress.IsLoopback(advertised) && !KubernetesPod.IsCurrent ? advertised.ToString() : "0.0.0.0";

    /// <summary>The address a silo advertises: <c>--advertise</c>, else loopback.</summary>
    public static IPAddress Advertised(RelationsHostOptions options) =>
        options.Advertise is { Length: > 0 } advertise ? ClusterAddress.ParseAdvertise(advertise) : IPAddress.Loopback;
}
