using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Relations.Storage;

/// <summary>Registers <see cref="AzureTableGrainStorage"/> as a named grain storage of a silo.</summary>
public static class AzureTableGrainStorageExtensions
{
    /// <summary>
    /// Adds grain storage <paramref name="name"/> on Azure Table storage, e.g.
    /// <c>silo.AddAzureTableGrainStorage("relations", options => options.ConnectionString = "UseDevelopmentStorage=true")</c>.
    /// </summary>
    public static ISiloBuilder AddAzureTableGrainStorage(this ISiloBuilder silo, string name, Action<AzureTableGrainStorageOptions> configure)
    {
        silo.Services.AddAzureTableGrainStorage(name, options => options.Configure(configure));
        return silo;
    }

    /// <summary>Adds grain storage <paramref name="name"/> on Azure Table storage, its options bound or configured through an options builder.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(this ISiloBuilder silo, string name, Action<OptionsBuilder<AzureTableGrainStorageOptions>>? configureOptions = null)
    {
        silo.Services.AddAzureTableGrainStorage(name, configureOptions);
        return silo;
    }

    /// <summary>Adds grain storage <paramref name="name"/> on Azure Table storage to a silo's services.</summary>
    public static IServiceCollection AddAzureTableGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<AzureTableGrainStorageOptions>>? configureOptions = null)
    {
        configureOptions?.Invoke(services.AddOptions<AzureTableGrainStorageOptions>(name));
        services.AddTransient<IPostConfigureOptions<AzureTableGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<AzureTableGrainStorageOptions>>();
        services.AddTransient<IConfigurationValidator>(provider => new AzureTableGrainStorageOptionsValidator(
            provider.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(name), name));
        services.ConfigureNamedOptionForLogging<AzureTableGrainStorageOptions>(name);
        // Also registers the storage as a lifecycle participant, so the table is created when the silo starts.
        services.AddGrainStorage(name, AzureTableGrainStorage.Create);
        return services;
    }
}
