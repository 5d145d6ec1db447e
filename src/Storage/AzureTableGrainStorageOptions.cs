using Orleans.Storage;

namespace Relations.Storage;

/// <summary>Where and how <see cref="AzureTableGrainStorage"/> keeps grain state.</summary>
public sealed class AzureTableGrainStorageOptions : IStorageProviderSerializerOptions
{
    public const string DefaultTableName = "RelationsGrainState";

    /// <summary>
    /// The storage account's connection string; <c>UseDevelopmentStorage=true</c> for a local Azurite on its default port.
    /// </summary>
    [Redact]
    public string? ConnectionString { get; set; }

    /// <summary>The table holding one entity per grain and state name; created when the silo starts.</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// Whether clearing a grain's state deletes its entity; otherwise the entity stays, emptied, keeping its ETag chain.
    /// </summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>The silo lifecycle stage at which the table is created; grains cannot use the storage before it.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Turns state into bytes and back; left unset, the silo's default grain-storage serializer is used.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
