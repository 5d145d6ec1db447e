using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations silo</c>: a long-lived cluster member, until stopped (Ctrl+C or SIGTERM). With Azure storage (or,
/// by default, the machine's local Azurite, started by the first silo and reused by the next) it forms or joins the
/// cluster <c>--cluster ID</c> through the membership table there, so several of them are one cluster.
/// </summary>
internal static class SiloCommand
{
    public static Command Create(CliConsole console)
    {
        var siloPort = new Option<int?>("--silo-port") { Description = $"Port for silo-to-silo traffic (default {ClusterAddress.DefaultSiloPort} when free, else a free one)." };
        var gatewayPort = new Option<int?>("--gateway-port") { Description = $"Port clients connect to (default {ClusterAddress.DefaultGatewayPort} when free, else a free one)." };
        var advertise = new Option<string?>("--advertise") { Description = "The IP address this silo gives the others and clients (default 127.0.0.1: one machine)." };
        var data = new Option<string?>("--data") { Description = $"Folder for the local Azurite's data when no storage is configured (default {DefaultStorage.DefaultDataFolder})." };
        var storage = CommonOptions.StorageOptions();
        var command = new Command("silo", "Run a long-lived silo until stopped; silos with one storage and cluster id form one cluster.")
        {
            siloPort, gatewayPort, advertise, data,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = storage.Options(parse, siloPort, gatewayPort, advertise, data);
            if (options.Storage == RelationsStorage.Memory && options.Cluster is not null)
                throw new BadInputException("--cluster needs a storage for its membership table: --storage azure --connection-string CS");
            await using var durable = await DefaultStorage.ChooseAsync(
                options.StorageConfigured ? options.Storage ?? RelationsStorage.Azure : null, options.ConnectionString, options.CheckpointEvery, options.Data, cancellation);
            if (durable.Warning is not null)
                console.Error.WriteLine($"relations: {durable.Warning}");
            var clusterId = durable.Storage.IsDurable ? options.Cluster ?? ClusterAddress.DefaultClusterId : null;
            var address = SiloHost.Advertised(options);
            var ports = (Silo: options.SiloPort ?? ClusterAddress.PreferredOrFree(ClusterAddress.DefaultSiloPort, address),
                Gateway: options.GatewayPort ?? ClusterAddress.PreferredOrFree(ClusterAddress.DefaultGatewayPort, address));

            var builder = SiloHost.CreateBuilder();
            builder.AddRelationsSilo(durable.Storage, clusterId, ports.Silo, ports.Gateway, clusterId is null ? null : address);
            using var host = builder.Build();
            await host.StartAsync(cancellation);
            var join = clusterId is null
                ? "a cluster of one (state in memory)"
                : $"cluster '{clusterId}' (more silos join it with the same storage; clients with --cluster {clusterId})";
            console.Out.WriteLine($"silo: listening on {address}:{ports.Silo}, gateway {address}:{ports.Gateway} (--gateway {address}:{ports.Gateway}); {join}; {durable.Description}; Ctrl+C stops it");
            // The host's console lifetime (a standard default) turns Ctrl+C and SIGTERM into a graceful stop.
            await host.WaitForShutdownAsync(cancellation);
            console.Out.WriteLine("silo: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
