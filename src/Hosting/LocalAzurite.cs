using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Relations.Hosting;

/// <summary>
/// The Azurite Table service pinned in <c>tools/azurite</c>, run as a child process on a loopback port: in memory
/// (tests), or keeping its data in a folder (a silo's durable default). Installs it with <c>npm ci</c> when missing.
/// </summary>
public sealed class LocalAzurite : IAsyncDisposable
{
    /// <summary>The well-known key of Azurite's development account; not a secret.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>
    /// The port of the machine's shared local Azurite (Azurite's own default table port): the first long-lived host
    /// with no storage configured starts it there, the next ones find it there.
    /// </summary>
    public const int MachinePort = 10002;

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly StringBuilder output = new();
    private Process? process;

    private LocalAzurite(int port) => Port = port;

    public int Port { get; private set; }

    public string ConnectionString => ConnectionStringFor(Port);

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/devstoreaccount1;";

    /// <summary>
    /// Starts Azurite from <paramref name="toolDirectory"/> (the folder holding its package.json) on a free port,
    /// or on <paramref name="port"/> when given; its data goes to <paramref name="dataDirectory"/>, or stays in memory
    /// when that is null. Throws with a plain message when Node.js, npm or Azurite cannot run.
    /// </summary>
    public static async Task<LocalAzurite> StartAsync(string toolDirectory, string? dataDirectory = null, int? port = null, CancellationToken cancellation = default)
    {
        var executable = Path.Combine(toolDirectory, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
            await InstallAsync(toolDirectory, cancellation);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"`npm ci` in {toolDirectory} succeeded but left no {executable}; is azurite still pinned in its package.json?");

        var workingDirectory = dataDirectory ?? Path.GetTempPath();
        if (dataDirectory is not null)
            Directory.CreateDirectory(dataDirectory);
        // A free port can be taken between asking and binding; Azurite then exits, and another port is tried.
        var azurite = new LocalAzurite(0);
        for (var attempt = 1; attempt <= (port is null ? StartAttempts : 1); attempt++)
        {
            azurite.Port = port ?? ClusterAddress.FreeLoopbackPort();
            azurite.process = azurite.Start(executable, workingDirectory, dataDirectory);
            if (await WaitUntilListeningAsync(azurite.process, azurite.Port, cancellation))
                return azurite;
            azurite.Stop();
        }
        throw new InvalidOperationException(
            $"Azurite ({executable}) did not start listening on 127.0.0.1 in {StartTimeout.TotalSeconds:F0} s. Its output:\n{azurite.Output()}");
    }

    /// <summary>The <c>tools/azurite</c> folder of the checkout above this program or, failing that, the working folder.</summary>
    /// <exception cref="InvalidOperationException">Neither lies inside a checkout.</exception>
    public static string ToolDirectory() =>
        FindToolDirectory(AppContext.BaseDirectory) ?? FindToolDirectory(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("tools/azurite (its package.json) is not found above this program or the working folder");

    /// <summary>The <c>tools/azurite</c> folder of the checkout above <paramref name="start"/>, or null.</summary>
    private static string? FindToolDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "azurite");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
        }
        return null;
    }

    /// <summary>
    /// Stops Azurite as Ctrl+C does (SIGINT), which saves its data folder before it exits; killed instead, it loses
    /// the writes of its last few seconds (it saves every 5 s). Kills it if it has not exited within 10 s.
    /// </summary>
    public async Task InterruptAsync()
    {
        if (process is null)
            return;
        if (!process.HasExited && Signal(process, SignalInterrupt))
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // It did not stop when asked: it is killed below.
            }
        }
        Stop();
    }

    /// <summary>SIGINT, as Ctrl+C sends it.</summary>
    public const int SignalInterrupt = 2;

    /// <summary>SIGTERM, as a service manager stops a process.</summary>
    public const int SignalTerminate = 15;

    /// <summary>Sends <paramref name="signal"/> to a child process (POSIX kill); false if it could not be sent.</summary>
    public static bool Signal(Process child, int signal) => SendSignal(child.Id, signal) == 0;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>What Azurite printed, for error messages.</summary>
    public string Output()
    {
        lock (output)
            return output.Length == 0 ? "(nothing)" : output.ToString();
    }

    private Process Start(string executable, string workingDirectory, string? dataDirectory)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --disableTelemetry: this machine reaches no telemetry endpoint, and nothing is sent off it.
        string[] arguments =
        [
            "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
            .. dataDirectory is null ? (string[])["--inMemoryPersistence"] : ["--location", dataDirectory],
        ];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        Process started;
        try
        {
            started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start Azurite ({executable}): {exception.Message}. Azurite needs Node.js on PATH.", exception);
        }
        started.OutputDataReceived += (_, line) => Record(line.Data);
        started.ErrorDataReceived += (_, line) => Record(line.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    /// <summary>Whether something accepts connections on 127.0.0.1:<paramref name="port"/> now.</summary>
    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Polls the port until Azurite accepts a connection; false when it exits or the time is up.</summary>
    private static async Task<bool> WaitUntilListeningAsync(Process process, int port, CancellationToken cancellation)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
                return false;
            if (await IsListeningAsync(port, cancellation))
                return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation);
        }
        return false;
    }

    private void Stop()
    {
        if (process is null)
            return;
        StopTree(process);
        process = null;
    }

    /// <summary>Kills a child process and its own children if it still runs, waits a little for it, and disposes it.</summary>
    public static void StopTree(Process child)
    {
        try
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                child.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        child.Dispose();
    }

    private static async Task InstallAsync(string toolDirectory, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = toolDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            start.ArgumentList.Add(argument);

        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"Azurite is not installed in {toolDirectory} and npm could not be started ({exception.Message}). Install Node.js and npm, or run `npm ci` there.",
                exception);
        }

        using (npm)
        {
            var stdout = npm.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = npm.StandardError.ReadToEndAsync(cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {toolDirectory} did not finish in {InstallTimeout.TotalMinutes:F0} minutes.");
            }
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Azurite is not installed and `npm ci` in {toolDirectory} failed with exit code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
            }
        }
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
    }
}
