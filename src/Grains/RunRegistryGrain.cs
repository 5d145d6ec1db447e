using Orleans.Concurrency;
using Orleans.Runtime;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>
/// The runs of a cluster, so that a new process can list them (a reminder per run revives the unfinished). The runs
/// themselves are on pages (<see cref="RunPageGrain"/>); the registry keeps only the number of the newest page, so a
/// listing of the latest runs reads the newest page or two, and costs the same with ten runs stored or ten thousand.
/// </summary>
[GrainType("runregistry")]
// Reentrant: a run's listing waits for its page's write, never for other runs' (pages share their writes).
[Reentrant]
public sealed class RunRegistryGrain : Grain, IRunRegistryGrain
{
    private readonly IPersistentState<RunRegistryState> state;
    private readonly IGrainFactory grains;
    private readonly CoalescedWrites writes;

    public RunRegistryGrain([PersistentState("registry", "relations")] IPersistentState<RunRegistryState> state, IGrainFactory grains)
    {
        (this.state, this.grains) = (state, grains);
        writes = new CoalescedWrites(state.WriteStateAsync);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A registry written before pages kept every run in its own state: they move to pages, oldest first, once.
        if (state.State.Runs.Count > 0)
        {
            foreach (var run in state.State.Runs.Values.OrderBy(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal))
                await Add(run);
            state.State.Runs.Clear();
            await writes.WriteAsync();
        }
    }

    public async Task<long> Record(RunSummary summary, long? page)
    {
        if (page is { } listed && listed <= state.State.NewestPage && await Page(listed).TryRecord(summary))
            return listed;
        return await Add(summary);
    }

    public async Task<RunListing> Latest(int skip, int take)
    {
        var newest = state.State.NewestPage;
        RunSummary[]? page = await Page(newest).Runs();
        var total = newest * IRunPageGrain.Size + page.Length;
        var runs = new List<RunSummary>(Math.Clamp(take, 0, IRunPageGrain.Size));
        var toSkip = (long)Math.Max(0, skip);
        var number = newest;
        // Every page below the newest is full, so whole pages are skipped without being read.
        if (toSkip >= page.Length)
        {
            toSkip -= page.Length;
            number = newest - 1 - toSkip / IRunPageGrain.Size;
            toSkip %= IRunPageGrain.Size;
            page = null;
        }
        for (; number >= 0 && runs.Count < take; number--, toSkip = 0, page = null)
        {
            page ??= await Page(number).Runs();
            for (var i = page.Length - 1 - toSkip; i >= 0 && runs.Count < take; i--)
                runs.Add(page[i]);
        }
        return new RunListing([.. runs], total);
    }

    /// <summary>Lists a new run on the newest page, starting a page when that one is full.</summary>
    private async Task<long> Add(RunSummary summary)
    {
        while (true)
        {
            var newest = state.State.NewestPage;
            if (await Page(newest).TryRecord(summary))
                return newest;
            // Runs listing themselves meanwhile may have found it full too: the page is started once.
            if (state.State.NewestPage == newest)
            {
                state.State.NewestPage = newest + 1;
                await writes.WriteAsync();
            }
        }
    }

    private IRunPageGrain Page(long number) => grains.GetGrain<IRunPageGrain>(number);
}

/// <summary>The registry's own state: the number of its newest page (and, from before pages, every run).</summary>
[GenerateSerializer, Alias("relations.run-registry-state")]
public sealed class RunRegistryState
{
    /// <summary>Every run, as a registry kept them before pages; emptied onto pages when read.</summary>
    [Id(0)] public Dictionary<string, RunSummary> Runs { get; set; } = [];

    [Id(1)] public long NewestPage { get; set; }
}
