namespace Relations.Silo.Cli;

/// <summary>
/// Writes a command's output files into a staging folder beside the output folder and moves them in only when all
/// were written, so a failure part-way (a full disk, a plot that cannot render) leaves no half-written output.
/// </summary>
internal static class StagedOutput
{
    /// <summary>Runs <paramref name="write"/> on an empty staging folder, then moves what it wrote into <paramref name="directory"/>.</summary>
    public static T Write<T>(string directory, Func<string, T> write)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var stage = Path.Combine(Path.GetDirectoryName(full) ?? full, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(stage);
        try
        {
            var written = write(stage);
            foreach (var file in Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(directory, Path.GetRelativePath(stage, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }
            return written;
        }
        finally
        {
            Directory.Delete(stage, recursive: true);
        }
    }
}
