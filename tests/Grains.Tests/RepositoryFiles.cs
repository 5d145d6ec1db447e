namespace Relations.Grains.Tests;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Relations.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Relations.sln not found above " + AppContext.BaseDirectory);
    }
}
