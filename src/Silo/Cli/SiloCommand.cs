using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Relations.Hosting.Operators;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations silo</c>: a long-lived cluster member, until stopped (Ctrl+C or SIGTERM). With Azure storage (or,
/// by default, the machine's local Azurite, started by the first silo and reused by the next) it forms or joins the
/// cluster <c>--cluster ID</c> through the membership table there, so several of them are one cluster; any number
/// started at once take distinct ports (<see cref="SiloPorts"/>). With <c>--http-port</c> it serves operators'
/// /health/live, /health/ready and /metrics.
/// </summary>
internal static class SiloCommand
{
    public static Command Create(CliConsole console)
    {
        var siloPort = new Option<int?>("--silo-port") { Description = $"Port for silo-to-silo traffic (default {ClusterAddress.DefaultSiloPort} when free, else one the system picks)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = $"Port clients connect to (default {ClusterAddress.DefaultGatewayPort} when free, else one the system picks)." };
        var httpPort = new Option<int?>("--http-port") { Description = "Serve /health/live, /health/ready and /metrics (Prometheus) on this port; no HTTP without it." };
        var advertise = new Option<string?>("--advertise") { Description = "The IP address this silo gives the others and clients (default 127.0.0.1: one machine)." };
        var data = new Option<string?>("--data") { Description = $"Folder for the local Azurite's data when no storage is configured (default {DefaultStorage.DefaultDataFolder})." };
        var storage = CommonOptions.StorageOptions();
        var command = new Command("silo", "Run a long-lived silo until stopped; silos with one storage and cluster id form one cluster.")
        {
            siloPort, gatewayPort, httpPort, advertise, data,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = storage.Options(parse, siloPort, gatewayPort, advertise, data);
            var http = parse.GetValue(httpPort);
            if (http is < 1 or > 65535)
                throw new BadInputException($"--http-port {http} is not a port number (1–65535)");
            if (options.Storage == RelationsStorage.Memory && options.Cluster is not null)
                throw new BadInputException("--cluster needs a storage for its membership table: --storage azure --connection-string CS");
            await using var durable = await DefaultStorage.ChooseAsync(
                options.StorageConfigured ? options.Storage ?? RelationsStorage.Azure : null, options.ConnectionString, options.CheckpointEvery, options.Data, cancellation);
            if (durable.Warning is not null)
                console.Error.WriteLine($"relations: {durable.Warning}");
            var clusterId = durable.Storage.IsDurable ? options.Cluster ?? ClusterAddress.DefaultClusterId : null;
            var address = SiloHost.Advertised(options);

            IHost Build()
            {
                var builder = SiloHost.CreateBuilder(http, address);
                builder.AddRelationsSilo(durable.Storage, clusterId, options.SiloPort, options.GatewayPort, clusterId is null ? null : address);
                builder.AddRelationsTelemetry("relations-silo");
                if (builder is not WebApplicationBuilder web)
                    return ((HostApplicationBuilder)builder).Build();
                web.Services.AddRelationsHealthChecks(durable.Storage);
                var app = web.Build();
                app.MapOperatorEndpoints();
                return app;
            }

            IHost host;
            try
            {
                host = await SiloStart.StartAsync(Build, portsGiven: options.SiloPort is not null && options.GatewayPort is not null, cancellation);
            }
            catch (PortTakenException ex)
            {
                throw new BadInputException(ex.Message);
            }
            catch (Exception ex) when (http is { } port && SiloPorts.IsPortLost(ex))
            {
                throw new BadInputException($"--http-port {port} is taken: another program listens on it; give a free port");
            }
            using (host)
            {
                var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
                var (silo, gateway) = (endpoints.AdvertisedIPAddress ?? address, endpoints.GatewayPort);
                var join = clusterId is null
                    ? "a cluster of one (state in memory)"
                    : $"cluster '{clusterId}' (more silos join it with the same storage; clients with --cluster {clusterId})";
                var operators = http is { } served ? $"; health and metrics at http://{SiloHost.HttpAddress(address)}:{served}/" : "";
                console.Out.WriteLine($"silo: listening on {silo}:{endpoints.SiloPort}, gateway {silo}:{gateway} (--gateway {silo}:{gateway}); {join}; {durable.Description}{operators}; Ctrl+C stops it");
                // The host's console lifetime (a standard default) turns Ctrl+C and SIGTERM into a graceful stop.
                await host.WaitForShutdownAsync(cancellation);
                console.Out.WriteLine("silo: stopped");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
