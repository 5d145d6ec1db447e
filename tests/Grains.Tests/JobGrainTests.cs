using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Tests;

/// <summary>
/// A job grain spreads its units over the silos' workers and folds them in order — bit for bit what one thread folds —,
/// keeps a revival reminder while it runs, can be cancelled, refuses a bad request, and is listed by the registry.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class JobGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    private static readonly Scenario Youth = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-hekou-youth.yaml"));

    [Fact]
    public async Task An_ensemble_spreads_its_draws_over_both_silos_and_equals_the_one_thread_fold_bit_for_bit()
    {
        var request = new JobRequest(new RunRequest(Youth, SampleStep.Month, 5), 300, []);
        var id = $"spread-{Guid.NewGuid():N}";

        var silos = 0;
        var outcome = await JobClient.RunAsync(Grains, id, request, new Progress(status => silos = Math.Max(silos, status.Silos)), CancellationToken.None);

        var plan = request.Plan();
        Assert.Equal(JobOutcomeValues.Flatten(plan, JobRunner.Run(plan)), JobOutcomeValues.Flatten(plan, outcome));
        Assert.Equal(2, silos);
        var listed = (await Grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry).List()).Single(j => j.JobId == id);
        Assert.Equal((JobKind.Ensemble, JobState.Completed, 300, Youth.Id), (listed.Kind, listed.State, listed.Size, listed.ScenarioId));
    }

    [Fact]
    public async Task A_sweep_with_draws_keeps_a_revival_reminder_while_it_runs_and_equals_the_one_thread_fold()
    {
        var request = new JobRequest(new RunRequest(Youth, SampleStep.Day, 11), 400, ["kappa=5,10"]);
        var id = $"sweep-revived-{Guid.NewGuid():N}";
        var job = Grains.GetGrain<IJobGrain>(id);

        var status = await JobClient.StartAsync(Grains, id, request);
        Assert.Equal(JobState.Running, status.State);
        // The units go on from a grain timer, and a reminder is set to wake the job after a whole-cluster stop.
        var reminders = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IReminderTable>();
        var woken = false;
        while (status.State == JobState.Running)
        {
            woken |= (await reminders.ReadRows(job.GetGrainId())).Reminders.Any(r => r.ReminderName == RunRevival.ReminderName);
            status = await job.WaitForCompletion(TimeSpan.FromMilliseconds(100));
        }
        Assert.True(woken, "no revival reminder was set while the job ran");
        Assert.Empty((await reminders.ReadRows(job.GetGrainId())).Reminders);

        Assert.Equal(JobState.Completed, status.State);
        Assert.Equal((2, 802), (status.Cells, status.Total));
        var plan = request.Plan();
        Assert.Equal(JobOutcomeValues.Flatten(plan, JobRunner.Run(plan)), JobOutcomeValues.Flatten(plan, await JobClient.OutcomeAsync(Grains, id)));
        Assert.Equal(JobState.Completed, (await job.Start(request)).State);
    }

    [Fact]
    public async Task A_cancelled_job_ends_cancelled_with_no_outcome_and_a_retry_is_a_new_job()
    {
        var request = new JobRequest(new RunRequest(Youth, SampleStep.Day, 0), 20_000, []);
        var id = $"cancelled-{Guid.NewGuid():N}";
        var job = Grains.GetGrain<IJobGrain>(id);
        await JobClient.StartAsync(Grains, id, request);

        var status = await job.Cancel();

        Assert.Equal(JobState.Cancelled, status.State);
        Assert.True(status.Done < status.Total, "the job ended every unit before it was cancelled");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => JobClient.OutcomeAsync(Grains, id));
        Assert.Equal($"job {id} was cancelled", refused.Message);
        Assert.Equal(JobState.Cancelled, (await Grains.GetGrain<IJobRegistryGrain>(JobKeys.Registry).List()).Single(j => j.JobId == id).State);
    }

    [Fact]
    public async Task A_request_whose_cell_breaks_a_rule_is_refused_with_the_rule_and_starts_nothing()
    {
        var id = $"refused-{Guid.NewGuid():N}";
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            JobClient.StartAsync(Grains, id, new JobRequest(new RunRequest(Youth, SampleStep.Month, 0), null, ["kappa=0"])));

        Assert.Contains("kappa", refused.Message);
        Assert.Equal(JobState.NotStarted, (await Grains.GetGrain<IJobGrain>(id).GetStatus()).State);
    }

    private sealed class Progress(Action<JobStatus> report) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) => report(value);
    }
}
