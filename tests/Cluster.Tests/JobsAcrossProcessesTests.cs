using Relations.Hosting;

namespace Relations.Cluster.Tests;

/// <summary>
/// Issue 17's first "done when": an ensemble run on a cluster of two <c>relations silo</c> processes is kept by the
/// cluster, listed by <c>relations jobs list</c> and written by <c>relations jobs show</c> from a new process, bit for
/// bit the ensemble the one-process <c>--engine fast</c> writes.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class JobsAcrossProcessesTests
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
}
