using Relations.Silo.Cli;

namespace Relations.Silo.Tests;

/// <summary>Runs the <c>relations</c> command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error)
    {
        public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static async Task<Outcome> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await RelationsCommand.RunAsync(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    public static string Repository { get; } = FindRoot();

    public static string Scenario(params string[] parts) => Path.Combine([Repository, "scenarios", .. parts]);

    public static string TempFolder() => Directory.CreateTempSubdirectory("relations-cli-").FullName;

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
