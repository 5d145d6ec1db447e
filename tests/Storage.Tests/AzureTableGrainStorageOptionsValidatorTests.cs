using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Storage;

namespace Relations.Storage.Tests;

/// <summary>Options are checked when the silo starts, each problem named; no server is needed to check them.</summary>
public sealed class AzureTableGrainStorageOptionsValidatorTests
{
    private static void Validate(Action<AzureTableGrainStorageOptions> configure)
    {
        using var silo = TestStorage.UnstartedSilo(configure);
        TestStorage.Validate(silo.Services);
    }

    [Fact]
    public void The_defaults_are_the_relations_table_emptying_on_clear_at_the_application_services_stage()
    {
        var options = new AzureTableGrainStorageOptions();

        Assert.Equal("RelationsGrainState", options.TableName);
        Assert.False(options.DeleteStateOnClear);
        Assert.Equal(ServiceLifecycleStage.ApplicationServices, options.InitStage);
        Assert.Null(options.ConnectionString);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;")]
    public void A_valid_connection_string_passes_and_the_silo_default_serializer_is_filled_in(string connectionString)
    {
        using var silo = TestStorage.UnstartedSilo(options => options.ConnectionString = connectionString);

        TestStorage.Validate(silo.Services);
        var options = silo.Services.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(TestStorage.Name);
        Assert.IsType<JsonGrainStorageSerializer>(options.GrainStorageSerializer);
        Assert.Same(silo.Services.GetRequiredService<IGrainStorageSerializer>(), options.GrainStorageSerializer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_connection_string_stops_the_silo_naming_the_storage(string? connectionString)
    {
        var exception = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.ConnectionString = connectionString));

        Assert.StartsWith("Azure Table grain storage \"relations\" is misconfigured: ConnectionString is empty", exception.Message);
    }

    [Fact]
    public void A_connection_string_that_does_not_parse_stops_the_silo_without_quoting_it()
    {
        var exception = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.ConnectionString = "AccountKey=secret-key-value"));

        Assert.Contains("ConnectionString is not an Azure Storage connection string", exception.Message);
        Assert.DoesNotContain("secret-key-value", exception.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1Relations")]
    [InlineData("Relations-State")]
    [InlineData("tables")]
    [InlineData("")]
    public void An_impossible_table_name_stops_the_silo(string tableName)
    {
        var exception = Assert.Throws<OrleansConfigurationException>(() => Validate(options =>
        {
            options.ConnectionString = "UseDevelopmentStorage=true";
            options.TableName = tableName;
        }));

        Assert.Contains($"TableName \"{tableName}\" is not a valid Azure table name", exception.Message);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var exception = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.TableName = "x"));

        Assert.Contains("ConnectionString is empty", exception.Message);
        Assert.Contains("TableName \"x\"", exception.Message);
    }

    [Fact]
    public async Task A_silo_with_misconfigured_storage_does_not_start()
    {
        using var silo = TestStorage.UnstartedSilo(options => options.TableName = "x");

        var exception = await Assert.ThrowsAsync<OrleansConfigurationException>(() => silo.StartAsync());

        Assert.Equal("Azure Table grain storage \"relations\" is misconfigured: ConnectionString is empty (set it to the storage account's connection string, "
            + "or to \"UseDevelopmentStorage=true\" for a local Azurite); TableName \"x\" is not a valid Azure table name (3 to 63 letters and digits, "
            + "starting with a letter, not \"tables\").", exception.Message);
    }

    [Fact]
    public async Task Using_the_storage_before_the_silo_initialises_it_says_so()
    {
        using var silo = TestStorage.UnstartedSilo(options => options.ConnectionString = "UseDevelopmentStorage=true");
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(TestStorage.Name);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.ReadStateAsync("tie", GrainId.Create("relationship", "early"), new GrainState<BorderTie>()));

        Assert.Contains("\"relations\" is not initialised", exception.Message);
    }
}
