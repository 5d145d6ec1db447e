namespace Relations.Hosting;

/// <summary>
/// The storage of a long-lived host (<c>relations silo</c>, the dashboard's own silo): what is configured, else the
/// machine's local Azurite on 127.0.0.1:<see cref="LocalAzurite.MachinePort"/> — reused when one listens there
/// (another silo started it), else started keeping its data in a folder — else, when Node.js or the pinned Azurite
/// cannot run, memory, with a warning the host prints. Disposing it stops the Azurite it started.
/// </summary>
public sealed class DefaultStorage : IAsyncDisposable
{
    private LocalAzurite? azurite;

    private DefaultStorage(RelationsStorage storage, string description, string? warning)
    {
        Storage = storage;
        Description = description;
        Warning = warning;
    }

    public RelationsStorage Storage { get; }

    /// <summary>Where state lives, in words for the host's start-up line.</summary>
    public string Description { get; }

    /// <summary>Why state will not survive a restart, when it falls back to memory.</summary>
    public string? Warning { get; }

    /// <summary>$XDG_DATA_HOME/relations/azurite, else ~/.local/share/relations/azurite.</summary>
    public static string DefaultDataFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
        "relations", "azurite");

    /// <summary>The configured storage, or (kind and connection string both null) a local Azurite with data in <paramref name="dataFolder"/>.</summary>
    public static async Task<DefaultStorage> ChooseAsync(string? kind, string? connectionString, int? checkpointEvery, string? dataFolder, CancellationToken cancellation)
    {
        if (kind is not null || connectionString is not null)
        {
            var configured = new RelationsStorage(kind ?? RelationsStorage.Azure, connectionString, checkpointEvery);
            if (configured.Problem() is { } problem)
                throw new ArgumentException(problem);
            return new DefaultStorage(configured, configured.IsDurable ? "state in Azure Table storage" : "state in memory (lost when stopped)", null);
        }
        var folder = dataFolder ?? DefaultDataFolder;
        if (await LocalAzurite.IsListeningAsync(LocalAzurite.MachinePort, cancellation))
            return Reused(checkpointEvery);
        try
        {
            var started = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), folder, LocalAzurite.MachinePort, cancellation);
            return new DefaultStorage(
                new RelationsStorage(RelationsStorage.Azure, started.ConnectionString, checkpointEvery),
                $"state in a local Azurite (127.0.0.1:{started.Port}), data in {folder}",
                null) { azurite = started };
        }
        catch (InvalidOperationException ex)
        {
            // Silos started together: another one started it first on that port; this one uses it.
            if (await LocalAzurite.IsListeningAsync(LocalAzurite.MachinePort, cancellation))
                return Reused(checkpointEvery);
            return new DefaultStorage(
                new RelationsStorage(RelationsStorage.Memory, null, checkpointEvery),
                "state in MEMORY (lost when stopped)",
                $"WARNING: runs will not survive a restart: no local Azurite ({ex.Message.Split('\n')[0]}); keeping state in memory. Install Node.js, or pass --storage azure --connection-string CS.");
        }
    }

    private static DefaultStorage Reused(int? checkpointEvery) => new(
        new RelationsStorage(RelationsStorage.Azure, LocalAzurite.ConnectionStringFor(LocalAzurite.MachinePort), checkpointEvery),
        $"state in the local Azurite already running on 127.0.0.1:{LocalAzurite.MachinePort} (started by another silo, which keeps it)",
        null);

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
            await azurite.DisposeAsync();
    }
}
