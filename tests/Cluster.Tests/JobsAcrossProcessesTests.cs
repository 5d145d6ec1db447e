using System.Diagnostics;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Xunit.Abstractions;

namespace Relations.Cluster.Tests;

/// <summary>
/// Issue 17's "done when" for jobs across processes: an ensemble run on a cluster of two <c>relations silo</c>
/// processes is kept by the cluster, listed by <c>relations jobs list</c> and written by <c>relations jobs show</c> from
/// a new process, bit for bit the ensemble the one-process <c>--engine fast</c> writes; and one whose worker silo is
/// SIGKILLed part-way loses no draw and changes no number.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class JobsAcrossProcessesTests(ITestOutputHelper log)
{
    [Fact]
    public async Task An_ensemble_on_two_silos_is_read_back_by_jobs_show_from_a_new_process_bit_identical_to_the_fast_ensemble()
    {
        await using var azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory());
        var clusterId = $"jobs-{Guid.NewGuid():N}"[..16];
        await using var first = await ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId);
        await using var second = await ProgramProcess.StartSiloAsync(azurite.ConnectionString, clusterId);
        var folder = Directory.CreateTempSubdirectory("relations-jobs-").FullName;
        string[] cluster = ["--cluster", clusterId, "--storage", "azure", "--connection-string", azurite.ConnectionString];
        string[] ensemble = ["ensemble", "scenarios/lao-cai-hekou-youth.yaml", "--draws", "60", "--seed", "7", "--plots", "none"];
        try
        {
            var ran = await ProgramProcess.RunToEndAsync([.. ensemble, "--out", Path.Combine(folder, "ran"), .. cluster]);
            Assert.True(ran.ExitCode == 0, $"ensemble exited {ran.ExitCode}: {ran.Error}");
            var jobId = ran.Out.Single(l => l.StartsWith("job: ", StringComparison.Ordinal))["job: ".Length..];

            var listed = await ProgramProcess.RunToEndAsync(["jobs", "list", .. cluster]);
            var shown = await ProgramProcess.RunToEndAsync(["jobs", "show", jobId, "--plots", "none", "--out", Path.Combine(folder, "shown"), .. cluster]);
            var fast = await ProgramProcess.RunToEndAsync([.. ensemble, "--engine", "fast", "--out", Path.Combine(folder, "fast")]);

            Assert.True(shown.ExitCode == 0 && fast.ExitCode == 0, $"jobs show: {shown.Error}; fast: {fast.Error}");
            Assert.Contains(listed.Out, l => l.StartsWith($"{jobId}\tensemble\tcompleted\t", StringComparison.Ordinal));
            var expected = await File.ReadAllBytesAsync(Path.Combine(folder, "fast", "ensemble.csv"));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(folder, "shown", "ensemble.csv")));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(folder, "ran", "ensemble.csv")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_ensemble_whose_worker_silo_is_SIGKILLed_part_way_loses_no_draw_and_equals_the_fast_ensemble()
    {
        const string file = "scenarios/border-2013-2026.yaml";
        const int draws = 600, seed = 3;
        var fast = RelationsCli.FastEnsembleAsync(file, draws, seed);
        await using var processes = await TestProcesses.StartAsync(log);
        var clusterId = $"kill-{Guid.NewGuid():N}"[..16];
        var silos = await processes.SilosAsync(clusterId, 2);
        await using var client = await RelationsCluster.ConnectAsync(new ClusterTarget(null, clusterId, processes.ConnectionString), CancellationToken.None);

        var loader = new ScenarioLoader();
        var path = Path.Combine(ProgramProcess.RepositoryRoot, file);
        var request = new JobRequest(new RunRequest(loader.Load(path), SampleStep.Month, seed) { Source = ScenarioSource.FromFiles(path, loader) }, draws, []);
        var jobId = JobClient.NewId(request);
        var started = await JobClient.StartAsync(client.Grains, jobId, request);

        // The kill comes once both silos have answered batches and part of the draws is folded, never after a wait.
        var bothWorking = new TaskCompletionSource<JobStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new SynchronousProgress(s =>
        {
            if (s.State == JobState.Running && s.Silos >= 2 && s.Done > 0)
                bothWorking.TrySetResult(s);
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ended = JobWatcher.WaitAsync(client.Grains, jobId, started, progress, deadline.Token);
        var before = await bothWorking.Task.WaitAsync(deadline.Token);

        // The silo that does not hold the job: its workers' batches in flight are lost with it.
        var jobSilo = await client.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(client.Grains.GetGrain<IJobGrain>(jobId));
        Assert.NotNull(jobSilo);
        var worker = silos.Single(s => s.SiloPort != jobSilo.Endpoint.Port);
        var clock = Stopwatch.StartNew();
        worker.Kill();
        log.WriteLine($"silo process {worker.Id} SIGKILLed with {before.Done} of {before.Total} draws folded");

        var status = await ended;
        log.WriteLine($"the job ended {status.State} {clock.Elapsed.TotalSeconds:0.0} s after the kill");
        Assert.Equal(JobState.Completed, status.State);
        Assert.True(status.EndedAt > DateTimeOffset.UtcNow - clock.Elapsed, "the job had ended before the silo was killed");
        // The job's silo saw calls lost with the killed one and sent them again (GrainCallPolicy's lines).
        var survivor = silos.Single(s => s != worker).Output();
        Assert.Contains("Grain calls are lost with a silo", survivor);
        Assert.Contains("Grain calls go through again", survivor);

        var folder = Directory.CreateTempSubdirectory("relations-killed-").FullName;
        try
        {
            var (exit, output) = await RelationsCli.RunAsync("jobs", "show", jobId, "--plots", "none", "--out", folder,
                "--cluster", clusterId, "--storage", "azure", "--connection-string", processes.ConnectionString);
            Assert.True(exit == 0, $"jobs show exited {exit}: {output}");
            Assert.Equal(await fast, await File.ReadAllBytesAsync(Path.Combine(folder, "ensemble.csv")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reports on the pushing thread, so the test sees every status in the order the job pushed them.</summary>
    private sealed class SynchronousProgress(Action<JobStatus> report) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) => report(value);
    }
}
