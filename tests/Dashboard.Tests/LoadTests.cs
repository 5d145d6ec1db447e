using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Relations.Dashboard.Tests;

/// <summary>
/// Many readers at once (issue 13, load): 50 runs posted concurrently — seed scenarios by id and uploaded YAML —
/// each give byte for byte the series of the same input replayed alone; afterwards nothing holds their grains, so
/// the silo's activations go back to where they were.
/// </summary>
public sealed class LoadTests(LoadTests.Dashboard dashboard, ITestOutputHelper log) : IClassFixture<LoadTests.Dashboard>
{
    /// <summary>A dashboard of its own, so the other tests' runs neither slow nor share this one.</summary>
    public sealed class Dashboard : DashboardFactory;

    private const int Concurrent = 50;

    private static readonly string[] ScenarioIds = ["border-2013-2026", "lao-cai-hekou-youth", "no-covid"];

    private static readonly string[] UploadFiles = ["border-2013-2026.yaml", "lao-cai-hekou-youth.yaml"];

    [Fact]
    public async Task Fifty_concurrent_runs_each_equal_the_same_input_replayed_alone()
    {
        var client = dashboard.CreateClient();
        var inputs = ScenarioIds.Select(id => (Name: "id:" + id, Start: (Func<Task<string>>)(() => DashboardFactory.PostScenarioIdAsync(client, id))))
            .Concat(UploadFiles.Select(file =>
            {
                var yaml = File.ReadAllText(Path.Combine(RepositoryFiles.Scenarios, file));
                return (Name: "upload:" + file, Start: (Func<Task<string>>)(() => DashboardFactory.PostYamlAsync(client, yaml)));
            }))
            .ToList();

        var management = dashboard.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var baseline = await RunActivationsAsync(management);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        var alone = new Dictionary<string, string>();
        foreach (var (name, start) in inputs)
            alone[name] = await SeriesOfAsync(client, await start());

        var together = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(async i =>
        {
            var (name, start) = inputs[i % inputs.Count];
            return (Name: name, Csv: await SeriesOfAsync(client, await start()));
        }));

        Assert.Equal(Concurrent, together.Length);
        Assert.All(together, run => Assert.True(alone[run.Name] == run.Csv, $"{run.Name}: the concurrent run's series.csv differs from the run alone"));
        Assert.Equal(inputs.Count, together.Select(r => r.Name).Distinct().Count());

        // Finished runs pin nothing — no timer keeps a grain alive, no reference holds one — so collecting the idle
        // activations takes the silo back to its baseline. (Left alone, Orleans collects them after the
        // [CollectionAgeLimit] of each run grain.)
        var busy = await RunActivationsAsync(management);
        await management.ForceActivationCollection(TimeSpan.Zero);
        var after = await RunActivationsAsync(management);
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        log.WriteLine($"run grain activations: {baseline} before, {busy} after {Concurrent + inputs.Count} runs, {after} once idle ones are collected; " +
            $"managed memory {memoryBefore / 1048576.0:0} MiB before, {memoryAfter / 1048576.0:0} MiB after");
        Assert.True(busy > baseline, $"the runs left no activation to collect ({busy})");
        Assert.Equal(baseline, after);
    }

    /// <summary>Activations of the grains a run creates: its simulation, its relationships and its regions.</summary>
    private static async Task<int> RunActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics())
            .Where(s => s.GrainType.Contains("SimulationGrain", StringComparison.Ordinal)
                || s.GrainType.Contains("RelationshipGrain", StringComparison.Ordinal)
                || s.GrainType.Contains("RegionGrain", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);

    private async Task<string> SeriesOfAsync(HttpClient client, string runId)
    {
        await dashboard.WaitForRunAsync(runId);
        var csv = await client.GetStringAsync($"/api/runs/{runId}/series.csv");
        Assert.StartsWith("actor_a,actor_b,date,score,score_reported,score_inferred,score_assumed,strength", csv, StringComparison.Ordinal);
        return csv;
    }
}
