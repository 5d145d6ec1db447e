namespace Relations.Cluster.Tests;

/// <summary>
/// <c>relations bench --ensemble</c> (issue 18.6) as a user runs it: the same ensemble in one thread, through an
/// embedded silo and through a cluster of one <c>relations silo</c> process it starts and stops itself, checked equal,
/// each with draws/s and peak memory, ending with the cluster/one-thread ratio line.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class EnsembleBenchTests
{
    [Fact]
    public async Task Bench_ensemble_times_one_thread_embedded_and_a_silo_process_and_ends_with_the_ratio()
    {
        var (exit, lines, error) = await ProgramProcess.RunToEndAsync("bench", "--ensemble", "scenarios/lao-cai-hekou-youth.yaml", "--draws", "40", "--silos", "1");

        Assert.True(exit == 0, $"bench exited {exit}: {error}");
        foreach (var how in (string[])["one thread:", "embedded:", "cluster 1:"])
            Assert.Contains(lines, l => l.StartsWith(how, StringComparison.Ordinal) && l.Contains("draws/s") && l.Contains("MiB"));
        Assert.Matches(@"^cluster/one-thread ensemble throughput ratio: \d+\.\d\d$", lines[^1]);
    }
}
