using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Access;

/// <summary>
/// Local accounts (sign-in without an identity provider): kept by the cluster's accounts grain, each password hashed
/// with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned), never stored.
/// </summary>
public sealed partial class AccountService(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>The shortest password an account may have.</summary>
    public const int MinPasswordLength = 10;

    private readonly PasswordHasher<string> hasher = new();

    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(AccessKeys.All);

    /// <summary>Why the account cannot be added as asked, or null.</summary>
    public static string? Problem(string name, string role, string password)
    {
        if (!NamePattern().IsMatch(name))
            return $"'{name}' is not an account name (lower-case letters, digits, '.', '_' or '-', up to 64, starting with a letter or digit).";
        if (!Roles.Accounts.Contains(role))
            return $"'{role}' is not a role an account may have ({string.Join(", ", Roles.Accounts)}).";
        if (password.Length < MinPasswordLength)
            return $"The password has {password.Length} characters; it needs at least {MinPasswordLength}.";
        return null;
    }

    /// <summary>Adds an account; answers why not (bad input or a taken name), or null when added.</summary>
    public async Task<string?> AddAsync(string name, string role, string password, string addedBy)
    {
        name = name.Trim().ToLowerInvariant();
        if (Problem(name, role, password) is { } problem)
            return problem;
        var account = new LocalAccount(name, role, hasher.HashPassword(name, password), clock.GetUtcNow(), addedBy);
        return await Accounts.Add(account) ? null : $"There is an account '{name}' already.";
    }

    /// <summary>The account whose password this is; null for an unknown name or a wrong password (the same answer).</summary>
    public async Task<LocalAccount?> CheckAsync(string name, string password)
    {
        name = name.Trim().ToLowerInvariant();
        if (await Accounts.Get(name) is not { } account)
        {
            // As long as a real check, so a wrong name cannot be told from a wrong password by the time it takes.
            hasher.VerifyHashedPassword(name, Decoy, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(name, account.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await Accounts.SetHash(name, hasher.HashPassword(name, password));
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    public Task<LocalAccount[]> ListAsync() => Accounts.List();

    public Task<bool> RemoveAsync(string name) => Accounts.Remove(name);

    private static readonly string Decoy = new PasswordHasher<string>().HashPassword("", "not a password of anyone");

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
