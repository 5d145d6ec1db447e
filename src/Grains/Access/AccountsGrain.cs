using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>The local accounts of a cluster (<see cref="IAccountsGrain"/>); each change is written before it is acknowledged.</summary>
[GrainType("accounts")]
public sealed class AccountsGrain(
    [PersistentState("accounts", "relations")] IPersistentState<AccountsState> state) : Grain, IAccountsGrain
{
    public async Task<bool> Add(LocalAccount account)
    {
        if (!state.State.Accounts.TryAdd(account.Name, account))
            return false;
        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> SetHash(string name, string passwordHash)
    {
        if (!state.State.Accounts.TryGetValue(name, out var account))
            return false;
        state.State.Accounts[name] = account with { PasswordHash = passwordHash };
        await state.WriteStateAsync();
        return true;
    }

    public Task<LocalAccount?> Get(string name) =>
        Task.FromResult(state.State.Accounts.TryGetValue(name, out var account) ? account : null);

    public Task<LocalAccount[]> List() =>
        Task.FromResult(state.State.Accounts.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray());

    public async Task<bool> Remove(string name)
    {
        if (!state.State.Accounts.Remove(name))
            return false;
        await state.WriteStateAsync();
        return true;
    }
}

/// <summary>The local accounts, by name.</summary>
[GenerateSerializer, Alias("relations.accounts-state")]
public sealed class AccountsState
{
    [Id(0)] public Dictionary<string, LocalAccount> Accounts { get; set; } = new(StringComparer.Ordinal);
}
