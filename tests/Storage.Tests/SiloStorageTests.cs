using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Relations.Storage.Tests;

/// <summary>The storage registered on a real silo: the silo creates the table at start and a grain's state outlives its activation.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloStorageTests(AzuriteFixture azurite)
{
    private const string TableName = "SiloState";

    [Fact]
    public async Task A_grain_state_is_created_with_the_table_at_silo_start_and_outlives_the_activation()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        Assert.Empty(await tables.QueryAsync(table => table.Name == TableName).ToListAsync());

        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[nameof(AzureTableGrainStorageOptions.ConnectionString)] = azurite.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            Assert.Single(await tables.QueryAsync(table => table.Name == TableName).ToListAsync());
            var grain = cluster.GrainFactory.GetGrain<ITieGrain>("lào-cai--hà-khẩu");

            await grain.Visit("Lào Cai");
            await grain.Visit("Hà Khẩu");
            await grain.Deactivate();
            var reactivated = await grain.Get();

            Assert.Equal(2, reactivated.Visits);
            Assert.Equal(["Lào Cai", "Hà Khẩu"], reactivated.Places);
            var entity = await tables.GetTableClient(TableName).GetEntityAsync<TableEntity>(
                $"{cluster.Options.ServiceId}_tie_lào-cai--hà-khẩu", "tie");
            Assert.True(entity.Value.ContainsKey("Data"));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) =>
            silo.AddAzureTableGrainStorage("relations", options =>
            {
                options.ConnectionString = silo.Configuration[nameof(AzureTableGrainStorageOptions.ConnectionString)];
                options.TableName = TableName;
            });
    }
}
