using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace Relations.Storage.Tests;

/// <summary>
/// An <see cref="AzureTableGrainStorage"/> taken from the services of a silo host that is built but never started: its
/// own registration, the grain-storage serializer a silo registers by default, validated and initialised as the silo
/// would, with no silo running.
/// </summary>
internal sealed class TestStorage : IDisposable
{
    public const string Name = "relations";
    public const string ServiceId = "relations-storage-tests";

    private readonly IHost host;

    private TestStorage(IHost host, AzureTableGrainStorage storage)
    {
        this.host = host;
        Storage = storage;
    }

    public AzureTableGrainStorage Storage { get; }

    public IGrainStorageSerializer Serializer => host.Services.GetRequiredService<IGrainStorageSerializer>();

    public static async Task<TestStorage> StartAsync(string connectionString, string tableName, bool deleteStateOnClear)
    {
        var host = UnstartedSilo(options =>
        {
            options.ConnectionString = connectionString;
            options.TableName = tableName;
            options.DeleteStateOnClear = deleteStateOnClear;
        });
        try
        {
            Validate(host.Services);
            var storage = (AzureTableGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(Name);
            await storage.InitializeAsync(CancellationToken.None);
            return new TestStorage(host, storage);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>A silo host with the storage registered as <see cref="Name"/>, built and not started: its services, no sockets.</summary>
    public static IHost UnstartedSilo(Action<AzureTableGrainStorageOptions> configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            // Free ports, in case a test starts it: the default ones may belong to a silo of another test run.
            silo.UseLocalhostClustering(siloPort: LoopbackPort.Free(), gatewayPort: LoopbackPort.Free());
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = ServiceId;
                cluster.ClusterId = "storage-tests";
            });
            silo.AddAzureTableGrainStorage(Name, configure);
        });
        return builder.Build();
    }

    /// <summary>Runs the storage's validators, as the silo does when it starts.</summary>
    public static void Validate(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IConfigurationValidator>().OfType<AzureTableGrainStorageOptionsValidator>())
            validator.ValidateConfiguration();
    }

    public void Dispose() => host.Dispose();
}
