namespace Relations.Dashboard.Tests;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    /// <summary>Where the browser tests keep a screenshot of each page they look at.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(
        Path.Combine(Root, "tests", "Dashboard.Tests", "TestResults", "screenshots")).FullName;

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
