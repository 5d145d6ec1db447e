using Relations.Hosting;

namespace Relations.Storage.Tests;

/// <summary>
/// A real Azurite Table service (the version pinned in tools/azurite) on a free loopback port, in memory, shared by the
/// tests that need a server. <see cref="LocalAzurite"/> installs it with npm when missing; it throws, never skips,
/// when it cannot run.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private LocalAzurite? azurite;

    public int Port => Azurite.Port;

    public string ConnectionString => Azurite.ConnectionString;

    private LocalAzurite Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
            await azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
