using Relations.Silo.Cli;

namespace Relations.Cluster.Tests;

/// <summary>The <c>relations</c> command run inside the test's process, as a user types it (no process start to wait for).</summary>
internal static class RelationsCli
{
    /// <summary>Runs <c>relations</c> with <paramref name="args"/>; answers its exit code and all it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await RelationsCommand.RunAsync(args, output, error);
        return (exit, output + error.ToString());
    }

    /// <summary>
    /// The ensemble.csv that <c>relations ensemble FILE --draws N --seed S --engine fast</c> writes: one process, one
    /// loop, no cluster — what every ensemble of the cluster must equal byte for byte.
    /// </summary>
    public static async Task<byte[]> FastEnsembleAsync(string file, int draws, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("relations-fast-").FullName;
        try
        {
            var (exit, output) = await RunAsync("ensemble", Path.Combine(ProgramProcess.RepositoryRoot, file), "--draws", $"{draws}", "--seed", $"{seed}",
                "--engine", "fast", "--plots", "none", "--out", folder);
            Assert.True(exit == 0, $"ensemble --engine fast exited {exit}: {output}");
            return await File.ReadAllBytesAsync(Path.Combine(folder, "ensemble.csv"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
