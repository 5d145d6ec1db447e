using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Relations.Hosting;

/// <summary>
/// Where grain state lives: "memory" (gone with the process) or "azure" (Azure Table storage or Azurite, through
/// <see cref="ConnectionString"/>), and how many time slices a run lets pass between checkpoints.
/// </summary>
public sealed record RelationsStorage(string Kind, string? ConnectionString = null, int? CheckpointEverySlices = null)
{
    public const string Memory = "memory";
    public const string Azure = "azure";

    /// <summary>The table grain state is kept in (membership and reminders keep the providers' default tables).</summary>
    public string TableName { get; init; } = "RelationsGrainState";

    /// <summary>How long one attempt of a request waits for its answer before the SDK sends it again.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The HTTP transport of the Table clients: the SDK's own unless a test puts a slowed one in its place.</summary>
    public HttpPipelineTransport? Transport { get; init; }

    public static RelationsStorage InMemory { get; } = new(Memory);

    public bool IsDurable => Kind == Azure;

    /// <summary>
    /// Slices between checkpoints for <see cref="Grains.Interfaces.RunRequest.CheckpointEverySlices"/>: as asked; by default
    /// time-based (0) when the state is durable, and never in memory, where a checkpoint protects nothing.
    /// </summary>
    public int EffectiveCheckpointEverySlices => CheckpointEverySlices ?? (IsDurable ? 0 : int.MaxValue);

    /// <summary>A client of the account's Table service, for the Orleans providers (grain state, membership, reminders).</summary>
    public TableServiceClient TableService() =>
        new(ConnectionString ?? throw new InvalidOperationException($"storage '{Kind}' has no connection string"), ClientOptions());

    /// <summary>
    /// A request that gets no answer gives up after seconds, not the SDK's 100 s, and is retried twice: a run whose
    /// storage is gone finds out soon and waits for it (SimulationGrain), rather than holding its turn on timeouts.
    /// A write sent again because its first answer came late is refused by its own first attempt; <see cref="ResentWrites"/>
    /// recognises that and answers the write as done, so slow storage causes no conflict.
    /// </summary>
    public TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        if (Transport is not null)
            options.Transport = Transport;
        ResentWrites.AddTo(options);
        options.Retry.NetworkTimeout = NetworkTimeout;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        return options;
    }

    /// <summary>Checks the choice, answering the problem in words or null.</summary>
    public string? Problem() => Kind switch
    {
        Memory => null,
        Azure when string.IsNullOrWhiteSpace(ConnectionString) => "--storage azure needs --connection-string (e.g. UseDevelopmentStorage=true for a local Azurite)",
        Azure => null,
        _ => $"--storage '{Kind}' is not one of memory, azure",
    } ?? (CheckpointEverySlices is < 1 ? "--checkpoint-every must be at least 1" : null);
}
