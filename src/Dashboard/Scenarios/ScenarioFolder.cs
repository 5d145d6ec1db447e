using Relations.Dashboard.Hosting;

namespace Relations.Dashboard.Scenarios;

/// <summary>Finds the scenarios folder: the one configured, the repository's scenarios/ beside Relations.sln, or a bundle's beside the executable.</summary>
public static class ScenarioFolder
{
    /// <exception cref="DashboardOptionsException">The configured folder does not exist, or none is found.</exception>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return Directory.Exists(full) ? full
                : throw new DashboardOptionsException($"--scenarios '{configured}' is not a folder");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var scenarios = Path.Combine(dir.FullName, "scenarios");
                if (File.Exists(Path.Combine(dir.FullName, "Relations.sln")) && Directory.Exists(scenarios))
                    return scenarios;
            }
        }
        // A published bundle (scripts/publish.sh) carries its scenarios/ beside the executable.
        var bundled = Path.Combine(AppContext.BaseDirectory, "scenarios");
        if (Directory.Exists(bundled))
            return bundled;
        throw new DashboardOptionsException(
            "no scenarios folder found: run inside a checkout (where Relations.sln is) or pass --scenarios DIR");
    }
}
