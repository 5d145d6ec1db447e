using System.Diagnostics;
using System.Text;
using Relations.Hosting;

namespace Relations.Cluster.Tests;

/// <summary>
/// One process of the built programs, as a user runs them — a <c>relations silo</c> or a dashboard — stopped by its
/// id when disposed, also when a test fails (its process tree is killed if it still runs).
/// </summary>
internal sealed partial class ProgramProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string readyLine;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProgramProcess(Process process, string readyLine) => (this.process, this.readyLine, Id) = (process, readyLine, process.Id);

    /// <summary>The process id, kept: it is still known after the process is disposed.</summary>
    public int Id { get; }

    /// <summary>The gateway port a silo said it listens on.</summary>
    public int GatewayPort => int.Parse(GatewayInReadyLine().Match(ReadyLine).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The silo-to-silo port a silo said it listens on (the port of its <c>SiloAddress</c>).</summary>
    public int SiloPort => int.Parse(SiloPortInReadyLine().Match(ReadyLine).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>The line that said the program is ready, e.g. the dashboard's "Relations dashboard: http://…/".</summary>
    public string ReadyLine => ready.Task.Result;

    /// <summary>
    /// Starts a silo of the cluster <paramref name="clusterId"/> — on ports it chooses itself, as a user starts it —
    /// and waits until it listens; <paramref name="more"/> adds options (<c>--http-port P</c>).
    /// </summary>
    public static Task<ProgramProcess> StartSiloAsync(string connectionString, string clusterId, params string[] more) =>
        StartAsync(Built("Silo", "relations.dll"), "silo: listening",
            ["silo", "--storage", "azure", "--connection-string", connectionString, "--cluster", clusterId, .. more]);

    /// <summary>
    /// Starts the dashboard — with a silo of its own keeping state in <paramref name="connectionString"/> — on free
    /// loopback ports and waits until it says where it listens.
    /// </summary>
    public static Task<ProgramProcess> StartDashboardAsync(string connectionString, params string[] more) =>
        // Port 0: Kestrel binds a port the system picks and the dashboard says which; its silo's ports are picked alike.
        StartAsync(Built("Dashboard", "Relations.Dashboard.dll"), "Relations dashboard: ",
            ["--urls", "http://127.0.0.1:0", "--storage", "azure", "--connection-string", connectionString, .. more]);

    /// <summary>
    /// Starts a dashboard that is a client of the running cluster <paramref name="clusterId"/> (its gateways found in the
    /// storage's membership table), on a port the system picks, and waits until it says where it listens.
    /// </summary>
    public static Task<ProgramProcess> StartClientDashboardAsync(string connectionString, string clusterId, params string[] more) =>
        StartAsync(Built("Dashboard", "Relations.Dashboard.dll"), "Relations dashboard: ",
            ["--urls", "http://127.0.0.1:0", "--storage", "azure", "--connection-string", connectionString, "--cluster", clusterId, .. more]);

    /// <summary>The address a dashboard said it listens on.</summary>
    public Uri DashboardUrl => new(ReadyLine["Relations dashboard: ".Length..].Trim());

    private static async Task<ProgramProcess> StartAsync(string program, string readyLine, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var child = new ProgramProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), readyLine);
        child.process.OutputDataReceived += (_, line) => child.Record(line.Data);
        child.process.ErrorDataReceived += (_, line) => child.Record(line.Data);
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        try
        {
            await child.ready.Task.WaitAsync(TimeSpan.FromSeconds(180));
        }
        catch (Exception ex)
        {
            var said = child.Output();
            await child.DisposeAsync();
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not start ({ex.Message}); it said:\n{said}");
        }
        return child;
    }

    /// <summary>Runs <c>relations</c> with <paramref name="arguments"/> to its end (at most 5 minutes; killed, tree and all, past that).</summary>
    public static async Task<(int ExitCode, string[] Out, string Error)> RunToEndAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(Built("Silo", "relations.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
    }

    /// <summary>A built program: the tests run the same build configuration as the program's project.</summary>
    private static string Built(string project, string file)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var program = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, "net10.0", file);
        return File.Exists(program) ? program : throw new InvalidOperationException($"{program} is not built; build src/{project} first");
    }

    /// <summary>The checkout the tests run from (where Relations.sln is).</summary>
    internal static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Relations.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("Relations.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>SIGKILL: the process dies at once, telling nobody.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as a service manager stops it: a silo leaves the cluster gracefully; waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
            return;
        _ = LocalAzurite.Signal(process, LocalAzurite.SignalTerminate);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
    }

    public string Output()
    {
        lock (output)
            return output.ToString();
    }

    public ValueTask DisposeAsync()
    {
        LocalAzurite.StopTree(process);
        return ValueTask.CompletedTask;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@", gateway [^ ]+:(\d+) ")]
    private static partial System.Text.RegularExpressions.Regex GatewayInReadyLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"^silo: listening on [^ ]+:(\d+),")]
    private static partial System.Text.RegularExpressions.Regex SiloPortInReadyLine();

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
        if (line.StartsWith(readyLine, StringComparison.Ordinal))
            ready.TrySetResult(line);
    }
}
