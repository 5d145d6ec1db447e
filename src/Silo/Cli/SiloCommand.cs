using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Relations.Grains;
using Relations.Silo.Hosting;
using Relations.Storage;

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
        var data = new Option<string?>("--data") { Description = $"Folder for the local Azurite's data when no storage is configured (default {DataFolders.Default})." };
        var storage = CommonOptions.StorageOptions();
        var command = new Command("silo", "Run a long-lived silo (a cluster member) on loopback until stopped; keeps data in a local Azurite by default.")
        {
            siloPort, gatewayPort, data,
        };
        foreach (var option in storage.All)
            command.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            await using var durable = await DurableDefault.Choose(console, storage, parse, parse.GetValue(data) ?? DataFolders.Default, cancellation);
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

/// <summary>Where a long-lived host keeps data when nothing is configured.</summary>
internal static class DataFolders
{
    /// <summary>$XDG_DATA_HOME/relations/azurite, else ~/.local/share/relations/azurite.</summary>
    public static string Default { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
        "relations", "azurite");
}

/// <summary>
/// The storage of a long-lived host: what is configured, else a local Azurite with on-disk data, else (no Node.js)
/// memory with a visible warning.
/// </summary>
internal sealed class DurableDefault : IAsyncDisposable
{
    private LocalAzurite? azurite;

    public RelationsStorage Storage { get; private set; } = RelationsStorage.InMemory;

    public string Description { get; private set; } = "";

    public static async Task<DurableDefault> Choose(CliConsole console, StorageOptionSet options, ParseResult parse, string dataFolder, CancellationToken cancellation)
    {
        var chosen = new DurableDefault();
        var (kind, connection, every) = options.Raw(parse);
        if (kind is not null || connection is not null)
        {
            chosen.Storage = StorageOptionSet.Validated(new RelationsStorage(kind ?? RelationsStorage.Azure, connection, every));
            chosen.Description = chosen.Storage.IsDurable ? "state in Azure Table storage" : "state in memory (lost when stopped)";
            return chosen;
        }
        var tools = LocalAzurite.FindToolDirectory(AppContext.BaseDirectory) ?? LocalAzurite.FindToolDirectory(Environment.CurrentDirectory);
        try
        {
            if (tools is null)
                throw new InvalidOperationException("tools/azurite is not found above this program or the working folder");
            chosen.azurite = await LocalAzurite.StartAsync(tools, dataFolder, cancellation: cancellation);
            chosen.Storage = new RelationsStorage(RelationsStorage.Azure, chosen.azurite.ConnectionString, every);
            chosen.Description = $"state in a local Azurite (127.0.0.1:{chosen.azurite.Port}), data in {dataFolder}";
        }
        catch (InvalidOperationException ex)
        {
            console.Error.WriteLine($"relations: WARNING: runs will not survive a restart: no local Azurite ({ex.Message.Split('\n')[0]}); keeping state in memory. Install Node.js, or pass --storage azure --connection-string CS.");
            chosen.Description = "state in MEMORY (lost when stopped)";
        }
        return chosen;
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
            await azurite.DisposeAsync();
    }
}
