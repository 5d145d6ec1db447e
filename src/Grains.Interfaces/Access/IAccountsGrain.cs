namespace Relations.Grains.Interfaces;

/// <summary>
/// The dashboard's local accounts (key <see cref="AccessKeys.All"/>): for a trainer without an identity provider. Holds
/// each account's name, role and password hash (ASP.NET Core Identity's format); never a password.
/// </summary>
[Alias("relations.IAccountsGrain")]
public interface IAccountsGrain : IGrainWithStringKey
{
    /// <summary>Adds an account; false when the name is taken (nothing changed).</summary>
    [Alias("Add")]
    Task<bool> Add(LocalAccount account);

    /// <summary>Replaces an account's password hash (the hasher's rehash of an old format); false when there is none.</summary>
    [Alias("SetHash")]
    Task<bool> SetHash(string name, string passwordHash);

    [Alias("Get")]
    Task<LocalAccount?> Get(string name);

    /// <summary>Every account, by name.</summary>
    [Alias("List")]
    Task<LocalAccount[]> List();

    /// <summary>Removes an account; false when there was none.</summary>
    [Alias("Remove")]
    Task<bool> Remove(string name);
}

/// <summary>A local account: its name (lower case), role (operator, trainer or analyst), password hash and who added it when.</summary>
[GenerateSerializer, Immutable, Alias("relations.local-account")]
public sealed record LocalAccount(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] DateTimeOffset AddedAt,
    [property: Id(4)] string AddedBy);

/// <summary>The singleton keys of the access grains, in one place.</summary>
public static class AccessKeys
{
    /// <summary>The key of the cluster's one accounts, audit, session directory and key ring grain.</summary>
    public const string All = "all";
}
