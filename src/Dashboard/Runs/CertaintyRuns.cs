using System.Collections.Concurrent;
using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Runs;

/// <summary>
/// The run page's certainty switch (model.md rule 8): the same scenario replayed keeping only what the sources report,
/// also what is inferred, or everything. Each level is a run of its own (the grains replay the filtered scenario);
/// this remembers, per original run, the run of each level, so switching back and forth starts nothing new.
/// </summary>
public sealed class CertaintyRuns(RunService runs)
{
    private readonly ConcurrentDictionary<string, string> originOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Origin, Certainty Level), string> runOf = new();

    /// <summary>The run of <paramref name="runId"/>'s scenario at <paramref name="level"/>; null when it cannot be made
    /// (the run is unknown, or it is itself filtered and its original is not known to this process).</summary>
    public async Task<string?> SwitchAsync(string runId, Certainty level)
    {
        var origin = originOf.GetValueOrDefault(runId, runId);
        if (await runs.RequestAsync(origin) is not { } request)
            return null;
        if (level >= request.Scenario.KeptCertainty)
            return level == request.Scenario.KeptCertainty ? origin : null;
        if (runOf.TryGetValue((origin, level), out var known))
            return known;
        var filtered = await runs.StartAsync(request with { Scenario = request.Scenario.KeepingCertainty(level) });
        runOf[(origin, level)] = filtered;
        originOf[filtered] = origin;
        return filtered;
    }
}
