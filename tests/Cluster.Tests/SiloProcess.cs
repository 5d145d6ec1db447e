using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Relations.Hosting;

namespace Relations.Cluster.Tests;

/// <summary>
/// One <c>relations silo</c> process — the built program, as a user runs it — stopped by its id when disposed,
/// also when a test fails (its process tree is killed if it still runs).
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public int GatewayPort { get; private init; }

    /// <summary>Starts a silo of the cluster <paramref name="clusterId"/> on free loopback ports and waits until it listens.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId)
    {
        var (siloPort, gatewayPort) = (ClusterAddress.FreeLoopbackPort(), ClusterAddress.FreeLoopbackPort());
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Program, "silo", "--storage", "azure", "--connection-string", connectionString,
                     "--cluster", clusterId, "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}" })
            start.ArgumentList.Add(argument);
        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start")) { GatewayPort = gatewayPort };
        silo.process.OutputDataReceived += (_, line) => silo.Record(line.Data);
        silo.process.ErrorDataReceived += (_, line) => silo.Record(line.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        try
        {
            await silo.listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (Exception ex)
        {
            var said = silo.Output();
            await silo.DisposeAsync();
            throw new InvalidOperationException($"silo did not start ({ex.Message}); it said:\n{said}");
        }
        return silo;
    }

    /// <summary>The built program: the tests run the same build configuration as the silo's project.</summary>
    private static string Program
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var program = Path.Combine(RepositoryRoot, "src", "Silo", "bin", configuration, "net10.0", "relations.dll");
            return File.Exists(program) ? program : throw new InvalidOperationException($"{program} is not built; build src/Silo first");
        }
    }

    private static string RepositoryRoot
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

    /// <summary>SIGTERM, as a service manager stops it: the silo leaves the cluster gracefully; waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
            return;
        _ = SendSignal(process.Id, SigTerm);
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

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
        if (line.StartsWith("silo: listening", StringComparison.Ordinal))
            listening.TrySetResult();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
