using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>Runs through grains on a two-silo test cluster equal the reference evaluator, stay isolated, and report failures.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SimulationGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Scenarios, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (scenario, problems) = new ScenarioLoader().Check(file);
            if (problems.Count == 0 && scenario is not null)
                data.Add(Path.GetRelativePath(RepositoryFiles.Scenarios, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public async Task A_replay_through_grains_equals_the_reference_evaluator(string file)
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, file));

        var actors = await ActorReplay.RunAsync(Grains, $"equal-{Guid.NewGuid():N}", scenario, SampleStep.Month, null, null, CancellationToken.None);

        ReferenceSeries.AssertSame(ReferenceEvaluator.Evaluate(scenario, SampleStep.Month), actors);
    }

    [Fact]
    public async Task A_seeded_monte_carlo_replay_through_grains_equals_the_reference_with_the_same_seed()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml"));

        var actors = await ActorReplay.RunAsync(Grains, $"seeded-{Guid.NewGuid():N}", scenario, SampleStep.Week, 7, null, CancellationToken.None);

        ReferenceSeries.AssertSame(ReferenceEvaluator.Evaluate(scenario, SampleStep.Week, 7), actors);
        Assert.NotEqual(ReferenceEvaluator.Evaluate(scenario, SampleStep.Week).Dyads.SelectMany(d => d.Scores), actors.Dyads.SelectMany(d => d.Scores));
    }

    [Fact]
    public async Task Concurrent_runs_of_different_scenarios_stay_isolated()
    {
        var baseScenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml"));
        var variant = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "what-if", "no-covid.yaml"));
        var runs = Enumerable.Range(0, 6)
            .Select(i => (Scenario: i % 2 == 0 ? baseScenario : variant, RunId: $"class-{i}-{Guid.NewGuid():N}"))
            .ToList();

        var results = await Task.WhenAll(runs.Select(r => ActorReplay.RunAsync(Grains, r.RunId, r.Scenario, SampleStep.Month, null, null, CancellationToken.None)));

        for (var i = 0; i < runs.Count; i++)
            ReferenceSeries.AssertSame(ReferenceEvaluator.Evaluate(runs[i].Scenario, SampleStep.Month), results[i]);
        Assert.NotEqual(results[0].Dyads.SelectMany(d => d.Scores), results[1].Dyads.SelectMany(d => d.Scores));
    }

    [Fact]
    public async Task A_failed_run_reports_its_reason()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));
        var broken = scenario with { Actors = scenario.Actors.Where(a => a.Id != "hekou").ToValueList() };
        var simulation = Grains.GetGrain<ISimulationGrain>($"broken-{Guid.NewGuid():N}");

        await simulation.Start(new RunRequest(broken, SampleStep.Month, null));
        var status = await simulation.WaitForCompletion(TimeSpan.FromMinutes(1));

        Assert.Equal(RunState.Failed, status.State);
        Assert.Contains("hekou", status.Error);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => simulation.GetResults());
        Assert.Contains("failed", error.Message);
    }

    [Fact]
    public async Task A_completed_run_reports_progress_and_the_occurrences_it_applied()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));
        var simulation = Grains.GetGrain<ISimulationGrain>($"status-{Guid.NewGuid():N}");

        await simulation.Start(new RunRequest(scenario, SampleStep.Month, null));
        var status = await simulation.WaitForCompletion(TimeSpan.FromMinutes(1));

        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(status.SlicesTotal, status.SlicesDone);
        Assert.Equal(1.0, status.Progress);
        Assert.Equal(scenario.Id, status.ScenarioId);
        var occurrences = Occurrences.Place(scenario.Events).Sum(o => o.Event.SideA.Count * o.Event.SideB.Count);
        Assert.InRange(status.OccurrencesApplied, 1, occurrences);
    }

    [Fact]
    public async Task A_region_grain_knows_its_parent_children_partners_and_the_events_that_reached_it()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));
        var runId = $"region-{Guid.NewGuid():N}";
        await ActorReplay.RunAsync(Grains, runId, scenario, SampleStep.Year, null, null, CancellationToken.None);

        var city = await Grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, "lao-cai-city")).GetSummary();
        var province = await Grains.GetGrain<IRegionGrain>(GrainKeys.Region(runId, "lao-cai")).GetSummary();

        Assert.Equal("lao-cai", city.Setup!.Parent);
        Assert.Contains("hekou", city.Setup.Partners);
        Assert.Contains("lao-cai-city", province.Setup!.Children);
        var expected = Occurrences.Place(scenario.Events).Count(o => o.Event.SideA.Concat(o.Event.SideB).Contains("lao-cai-city"));
        Assert.Equal(expected, city.OccurrencesReceived);
    }
}
