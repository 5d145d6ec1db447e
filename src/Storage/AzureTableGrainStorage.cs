using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Configuration.Overrides;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Relations.Storage;

/// <summary>
/// Orleans grain storage on Azure Table storage: one entity per grain and state name, written with optimistic
/// concurrency on its ETag, after the design of the official Orleans Azure Table provider.
/// </summary>
public sealed partial class AzureTableGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string name;
    private readonly AzureTableGrainStorageOptions options;
    private readonly string serviceId;
    private readonly IActivatorProvider activators;
    private readonly ILogger logger;
    private TableClient? table;

    public AzureTableGrainStorage(
        string name,
        AzureTableGrainStorageOptions options,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activators,
        ILogger<AzureTableGrainStorage> logger)
    {
        this.name = name;
        this.options = options;
        serviceId = clusterOptions.Value.ServiceId;
        this.activators = activators;
        this.logger = logger;
    }

    internal static AzureTableGrainStorage Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<AzureTableGrainStorage>(
            services,
            name,
            services.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(name),
            services.GetProviderClusterOptions(name));

    private TableClient Table => table ?? throw new InvalidOperationException(
        $"Azure Table grain storage \"{name}\" is not initialised: the silo has not reached lifecycle stage {options.InitStage}, where it creates table \"{options.TableName}\".");

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (partitionKey, rowKey) = Keys(stateName, grainId);
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey).ConfigureAwait(false);
        var entity = response.HasValue ? response.Value : null;
        var data = entity is null ? [] : StateChunks.Load(entity);
        var state = data.Length > 0 ? Deserialize<T>(data, stateName, grainId) : default;

        // A cleared (not deleted) entity has no data but keeps its ETag, which the next write must match.
        grainState.ETag = entity?.ETag.ToString();
        grainState.RecordExists = state is not null;
        grainState.State = state ?? NewState<T>();
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (partitionKey, rowKey) = Keys(stateName, grainId);
        var data = options.GrainStorageSerializer.Serialize(grainState.State).ToMemory();
        if (data.Length > StateChunks.MaxStateBytes)
        {
            LogStateTooLarge(stateName, grainId, data.Length, StateChunks.MaxStateBytes);
            throw new ArgumentOutOfRangeException(
                nameof(grainState),
                data.Length,
                $"The state \"{stateName}\" of grain {grainId} serializes to {data.Length} bytes; Azure Table grain storage \"{name}\" holds at most "
                + $"{StateChunks.MaxStateBytes} bytes ({StateChunks.MaxChunkCount} properties of {StateChunks.MaxChunkBytes} bytes in one entity). "
                + "Keep less in one grain's state or split it over several grains.");
        }

        var entity = new TableEntity(partitionKey, rowKey);
        StateChunks.Store(data, entity);
        grainState.ETag = await WriteEntityAsync(entity, grainState.ETag, "write", stateName, grainId).ConfigureAwait(false);
        grainState.RecordExists = true;
        StorageMetrics.Writes.Add(1);
        StorageMetrics.BytesWritten.Add(data.Length);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (partitionKey, rowKey) = Keys(stateName, grainId);
        if (options.DeleteStateOnClear)
        {
            // Without an ETag the grain knows of no entity, so it has none to delete (as the official provider does).
            if (!string.IsNullOrEmpty(grainState.ETag))
                await DeleteEntityAsync(partitionKey, rowKey, grainState.ETag, stateName, grainId).ConfigureAwait(false);
            grainState.ETag = null;
        }
        else
        {
            grainState.ETag = await WriteEntityAsync(new TableEntity(partitionKey, rowKey), grainState.ETag, "clear", stateName, grainId).ConfigureAwait(false);
        }

        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<AzureTableGrainStorage>(name), options.InitStage, InitializeAsync, CloseAsync);

    /// <summary>Creates the table if it does not exist yet; the silo calls it at <see cref="AzureTableGrainStorageOptions.InitStage"/>.</summary>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var service = new TableServiceClient(options.ConnectionString);
            var created = await service.CreateTableIfNotExistsAsync(options.TableName, cancellationToken).ConfigureAwait(false);
            table = service.GetTableClient(options.TableName);
            LogInitialized(name, options.TableName, created.GetRawResponse().Status == 409 ? "found" : "created", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception)
        {
            LogInitializationFailed(exception, name, options.TableName, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private Task CloseAsync(CancellationToken cancellationToken)
    {
        table = null;
        return Task.CompletedTask;
    }

    private (string PartitionKey, string RowKey) Keys(string stateName, GrainId grainId) =>
        (TableKeys.PartitionKey(serviceId, grainId), TableKeys.RowKey(stateName));

    /// <summary>Inserts when the grain holds no ETag, otherwise replaces if the stored ETag still matches; returns the new ETag.</summary>
    private async Task<string> WriteEntityAsync(TableEntity entity, string? etag, string operation, string stateName, GrainId grainId)
    {
        try
        {
            var response = string.IsNullOrEmpty(etag)
                ? await Table.AddEntityAsync(entity).ConfigureAwait(false)
                : await Table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace).ConfigureAwait(false);
            return response.Headers.ETag?.ToString()
                ?? throw new InvalidOperationException($"Azure Table storage answered a {operation} of {grainId} without an ETag.");
        }
        catch (RequestFailedException exception) when (IsConditionNotSatisfied(exception))
        {
            throw Inconsistent(exception, operation, stateName, grainId, etag);
        }
    }

    private async Task DeleteEntityAsync(string partitionKey, string rowKey, string etag, string stateName, GrainId grainId)
    {
        try
        {
            // TableClient.DeleteEntityAsync takes a 404 for success, which would hide that another writer deleted the
            // entity first; a transaction of one delete reports it.
            var delete = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), new ETag(etag));
            await Table.SubmitTransactionAsync([delete]).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (IsConditionNotSatisfied(exception))
        {
            throw Inconsistent(exception, "delete", stateName, grainId, etag);
        }
    }

    /// <summary>
    /// 404 (an ETag for an entity that is gone), 409 (an insert where an entity exists) and 412 (an ETag that no longer
    /// matches) all mean another writer got there first. Status codes, because Azurite's error codes differ from Azure's.
    /// </summary>
    private static bool IsConditionNotSatisfied(RequestFailedException exception) =>
        exception.Status is 404 or 409 or 412;

    private InconsistentStateException Inconsistent(RequestFailedException exception, string operation, string stateName, GrainId grainId, string? etag)
    {
        LogConflict(operation, stateName, grainId, etag, exception.Status);
        return new InconsistentStateException(
            $"Azure Table grain storage \"{name}\" refused the {operation} of state \"{stateName}\" of grain {grainId} in table \"{options.TableName}\": "
            + $"the stored entity is not the one with ETag {etag ?? "(none)"} (HTTP {exception.Status}).",
            "Unknown",
            etag ?? "",
            exception);
    }

    private T? Deserialize<T>(byte[] data, string stateName, GrainId grainId)
    {
        try
        {
            return options.GrainStorageSerializer.Deserialize<T>(new BinaryData(data));
        }
        catch (Exception exception)
        {
            throw new InvalidDataException(
                $"Azure Table grain storage \"{name}\" cannot read the stored state \"{stateName}\" of grain {grainId} ({data.Length} bytes) as {typeof(T).Name}.",
                exception);
        }
    }

    private T NewState<T>() => activators.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure Table grain storage {Name}: {Outcome} table {Table} in {ElapsedMs:F0} ms")]
    private partial void LogInitialized(string name, string table, string outcome, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Table grain storage {Name}: cannot create or reach table {Table} (after {ElapsedMs:F0} ms)")]
    private partial void LogInitializationFailed(Exception exception, string name, string table, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Table grain storage: {Operation} of {StateName} of {GrainId} with ETag {ETag} refused with HTTP {Status}")]
    private partial void LogConflict(string operation, string stateName, GrainId grainId, string? etag, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Table grain storage: state {StateName} of {GrainId} is {Size} bytes, more than the {MaxSize} an entity holds")]
    private partial void LogStateTooLarge(string stateName, GrainId grainId, int size, int maxSize);
}
