using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Dashboard.Runs;

/// <summary>
/// Runs go through grains: a run is a simulation grain keyed by its run id. This starts them, follows them and
/// fetches their results, keeping the latest results and explanation timelines in memory for the pages.
/// </summary>
public sealed partial class RunService(IGrainFactory grains, IMemoryCache cache, RunCheckpoints checkpoints, Access.Quotas quotas, Access.AuditLog audit)
{
    /// <summary>How much the cache holds, in samples and contributions, so that large uploads push older results out.</summary>
    public const long CacheSize = 20_000_000;

    /// <summary>The requests of the runs this process started, so that a page need not fetch a scenario back from its grain.</summary>
    private readonly ConcurrentDictionary<string, RunRequest> requests = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a run and answers its id (the scenario id and a random suffix, so runs of one scenario sit side by side).
    /// The caller's allowance of runs is charged first (over it, nothing starts); students start runs only of their
    /// own variants in their class session (<paramref name="inClass"/>), never of anything else.
    /// </summary>
    /// <exception cref="Access.OverQuotaException">The caller has started as many runs as a minute allows.</exception>
    /// <exception cref="Access.RoleRefusedException">A student asked for a run outside their class session.</exception>
    public async Task<string> StartAsync(RunRequest request, string? inClass = null)
    {
        var caller = quotas.Current;
        if (caller is { IsStudent: true } && inClass is null)
            throw new Access.RoleRefusedException("Students run their own variants in their class session; this run was not started.");
        await quotas.TakeAsync(QuotaKeys.Runs, 1);
        var id = $"{request.Scenario.Id}-{Guid.NewGuid().ToString("N")[..8]}";
        request = request with { CheckpointEverySlices = checkpoints.EverySlices };
        requests[id] = request;
        // A request with a source travels and is stored without the scenario's bulk; the grain rebuilds it from the source.
        await Simulation(id).Start(request.ForWire());
        if (caller is not null)
            await audit.RecordAsync(caller, "ran", id, inClass);
        return id;
    }

    /// <summary>A run's status; null when there is no such run.</summary>
    public async Task<RunStatus?> StatusAsync(string id)
    {
        if (!IsRunId(id))
            return null;
        var status = await Simulation(id).GetStatus();
        return status.State == RunState.NotStarted ? null : status;
    }

    /// <summary>The scenario, step and seed a run was started with; null when there is no such run.</summary>
    public async Task<RunRequest?> RequestAsync(string id)
    {
        if (!IsRunId(id))
            return null;
        if (requests.TryGetValue(id, out var known))
            return known;
        var request = await Simulation(id).GetRequest();
        if (request is not null)
            requests.TryAdd(id, request);
        return request;
    }

    /// <summary>A completed run's series; null when the run does not exist or has not completed.</summary>
    public async Task<SeriesResult?> ResultAsync(string id)
    {
        if (cache.TryGetValue<SeriesResult>(("result", id), out var cached))
            return cached;
        if (await StatusAsync(id) is not { State: RunState.Completed } || await RequestAsync(id) is not { } request)
            return null;
        var result = await ActorReplay.ResultsOf(Simulation(id), request);
        return cache.Set(("result", id), result, Keep(1L + result.Dyads.Count * (long)result.Dates.Count));
    }

    /// <summary>The run's scenario laid out for explanations (model.md rule 7), with the run's seed.</summary>
    public async Task<ScenarioTimeline?> TimelineAsync(string id)
    {
        if (cache.TryGetValue<ScenarioTimeline>(("timeline", id), out var cached))
            return cached;
        if (await RequestAsync(id) is not { } request)
            return null;
        var timeline = ScenarioTimeline.Build(request.Scenario, request.Seed);
        return cache.Set(("timeline", id), timeline, Keep(1L + timeline.Dyads.Values.Sum(d => (long)d.Contributions.Count)));
    }

    /// <summary>A window of the runs the cluster knows, the latest first, and how many it knows; reads a registry page or two whatever the number.</summary>
    public Task<RunListing> ListAsync(int skip, int take) => grains.GetGrain<IRunRegistryGrain>("all").Latest(skip, take);

    /// <summary>
    /// A window of the latest runs with their state now: the registry has each run's state as of its end, so only the
    /// runs it lists as running are asked.
    /// </summary>
    public async Task<(IReadOnlyList<(RunSummary Summary, RunState State)> Runs, long Total)> RecentAsync(int skip, int take)
    {
        var listing = await ListAsync(skip, take);
        var states = await Task.WhenAll(listing.Runs.Select(async r =>
            r.State == RunState.Running ? (await StatusAsync(r.RunId))?.State ?? r.State : r.State));
        return ([.. listing.Runs.Zip(states)], listing.Total);
    }

    /// <summary>Whether text can be a run id: ids are also grain keys, so nothing else reaches a grain.</summary>
    public static bool IsRunId(string? id) => id is not null && RunIdPattern().IsMatch(id);

    private static MemoryCacheEntryOptions Keep(long size) => new() { SlidingExpiration = TimeSpan.FromMinutes(30), Size = size };

    private ISimulationGrain Simulation(string id) => grains.GetGrain<ISimulationGrain>(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,127}$")]
    private static partial Regex RunIdPattern();
}

/// <summary>How many time slices the runs this dashboard starts let pass between checkpoints (RunRequest.CheckpointEverySlices).</summary>
public sealed record RunCheckpoints(int EverySlices);
