using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Relations.Grains;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations silo</c>: a long-lived cluster member, until stopped (Ctrl+C or SIGTERM). It keeps data by
/// default: with no storage configured it starts a local Azurite keeping its data in <c>--data</c>.
/// </summary>
internal static class SiloCommand
{
    public static Command Create(CliConsole console)
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => SiloDefaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to (--gateway 127.0.0.1:PORT).", DefaultValueFactory = _ => SiloDefaults.GatewayPort };
        var data = new Option<string?>("--data") { Description = $"Folder for the local Azurite's data when no storage is configured (default {DefaultStorage.DefaultDataFolder})." };
        var storage = CommonOptions.StorageOptions();
        var command = new Command("silo", "Run a long-lived silo (a cluster member) on loopback until stopped; keeps data in a local Azurite by default.")
        {
            siloPort, gatewayPort, data,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var (kind, connection, every) = storage.Raw(parse);
            if (kind is not null || connection is not null)
                StorageOptionSet.Validated(new RelationsStorage(kind ?? RelationsStorage.Azure, connection, every));
            await using var durable = await DefaultStorage.ChooseAsync(kind, connection, every, parse.GetValue(data), cancellation);
            if (durable.Warning is not null)
                console.Error.WriteLine($"relations: {durable.Warning}");
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            RelationsCluster.Quiet(builder.Logging);
            builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
            builder.UseOrleans(silo => RelationsCluster.ConfigureSilo(silo, parse.GetValue(siloPort), parse.GetValue(gatewayPort), durable.Storage));
            using var host = builder.Build();
            await host.StartAsync(cancellation);
            console.Out.WriteLine($"silo: listening; gateway 127.0.0.1:{parse.GetValue(gatewayPort)} (replay with --gateway 127.0.0.1:{parse.GetValue(gatewayPort)}); {durable.Description}; Ctrl+C stops it");
            // The host's console lifetime turns Ctrl+C and SIGTERM into a graceful stop.
            await host.WaitForShutdownAsync(cancellation);
            console.Out.WriteLine("silo: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
