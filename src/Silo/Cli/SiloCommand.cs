using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Relations.Silo.Hosting;

namespace Relations.Silo.Cli;

/// <summary><c>relations silo</c>: a long-lived cluster member that replays run on, until stopped (Ctrl+C).</summary>
internal static class SiloCommand
{
    public static Command Create(CliConsole console)
    {
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic.", DefaultValueFactory = _ => SiloDefaults.SiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to (--gateway 127.0.0.1:PORT).", DefaultValueFactory = _ => SiloDefaults.GatewayPort };
        var command = new Command("silo", "Run a long-lived silo (a cluster member) on loopback until stopped.") { siloPort, gatewayPort };
        command.SetAction(async (parse, cancellation) =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            RelationsCluster.Quiet(builder.Logging);
            builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
            builder.UseOrleans(silo => RelationsCluster.ConfigureSilo(silo, parse.GetValue(siloPort), parse.GetValue(gatewayPort)));
            using var host = builder.Build();
            await host.StartAsync(cancellation);
            console.Out.WriteLine($"silo: listening; gateway 127.0.0.1:{parse.GetValue(gatewayPort)} (replay with --gateway 127.0.0.1:{parse.GetValue(gatewayPort)}); Ctrl+C stops it");
            // The host's console lifetime turns Ctrl+C and SIGTERM into a graceful stop.
            await host.WaitForShutdownAsync(cancellation);
            console.Out.WriteLine("silo: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
