using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>
/// An ensemble grain runs draw i as the run with seed S + i, goes on with its draws from its state when re-activated,
/// and keeps its draws out of the run registry.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EnsembleGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task An_ensemble_deactivated_part_way_completes_every_draw_as_the_replay_with_seed_S_plus_i()
    {
        var scenario = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));
        var id = $"ensemble-{Guid.NewGuid():N}";
        var ensemble = Grains.GetGrain<IEnsembleGrain>(id);
        const int draws = 6, seed = 5;

        var status = await ensemble.Start(new EnsembleRequest(new RunRequest(scenario, SampleStep.Month, seed), draws, Concurrency: 2));
        Assert.Equal(RunState.Running, status.State);
        await ensemble.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        // The draws go on from a grain timer, and a reminder is set to wake the ensemble after a whole-cluster stop.
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        var woken = false;
        while (status.State == RunState.Running)
        {
            woken |= (await reminders.ReadRows(ensemble.GetGrainId())).Reminders.Any(r => r.ReminderName == RunRevival.ReminderName);
            status = await ensemble.WaitForCompletion(TimeSpan.FromMilliseconds(200));
        }
        Assert.True(woken, "no revival reminder was set while the ensemble ran");
        Assert.Empty((await reminders.ReadRows(ensemble.GetGrainId())).Reminders);

        Assert.Equal(RunState.Completed, status.State);
        Assert.Equal(draws, status.DrawsDone);
        Assert.Equal(RunState.Completed, (await ensemble.Start(new EnsembleRequest(new RunRequest(scenario, SampleStep.Month, seed), draws, 2))).State);
        Assert.DoesNotContain(await Grains.GetGrain<IRunRegistryGrain>("all").List(), run => run.RunId.StartsWith(id, StringComparison.Ordinal));
        for (var draw = 0; draw < draws; draw++)
        {
            var simulation = Grains.GetGrain<ISimulationGrain>(EnsembleKeys.Draw(id, draw));
            var actors = await ActorReplay.ResultsOf(simulation, new RunRequest(scenario, SampleStep.Month, seed + draw));
            var reference = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month, seed + draw);
            Assert.Equal(reference.Dyads.Select(d => d.Dyad).Order(), actors.Dyads.Select(d => d.Dyad));
            foreach (var series in actors.Dyads)
            {
                var expected = reference.Dyads.Single(d => d.Dyad == series.Dyad);
                for (var t = 0; t < reference.Dates.Count; t++)
                    Assert.True(Math.Abs(expected.Scores[t] - series.Scores[t]) <= 1e-9, $"draw {draw} {series.Dyad} sample {t}");
            }
        }
    }
}
