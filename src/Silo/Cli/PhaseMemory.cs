using System.Diagnostics;

namespace Relations.Silo.Cli;

/// <summary>
/// The peak working set of the process during one phase of a benchmark, sampled every 20 ms by a background thread
/// (the OS's own peak, Process.PeakWorkingSet64, only ever grows, so it cannot tell phases apart). A phase starts
/// after a full garbage collection, so what the phase before left as garbage does not count.
/// </summary>
internal sealed class PhaseMemory : IDisposable
{
    private readonly Thread sampler;
    private volatile bool stopped;
    private long peak;
    private readonly TimeSpan startCpu;

    /// <summary>The working set when the phase started (after the collection), in MiB: what the phase found.</summary>
    public double StartMiB { get; }

    /// <summary>Processor time the whole process used since the phase started (all threads, the silo's and the GC's too).</summary>
    public double CpuSeconds
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return (process.TotalProcessorTime - startCpu).TotalSeconds;
        }
    }

    private PhaseMemory()
    {
        using (var process = Process.GetCurrentProcess())
            (StartMiB, startCpu) = (process.WorkingSet64 / (1024.0 * 1024.0), process.TotalProcessorTime);
        sampler = new Thread(Sample) { IsBackground = true, Name = "bench memory sampler" };
        sampler.Start();
    }

    /// <summary>Collects garbage, then starts sampling.</summary>
    public static PhaseMemory Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new PhaseMemory();
    }

    /// <summary>The highest working set seen so far in the phase, in MiB.</summary>
    public double PeakMiB
    {
        get
        {
            Read();
            return Interlocked.Read(ref peak) / (1024.0 * 1024.0);
        }
    }

    /// <summary>Peak and start working set (MiB) and processor seconds, read now.</summary>
    public (double Peak, double Start, double Cpu) Figures => (PeakMiB, StartMiB, CpuSeconds);

    public void Dispose()
    {
        stopped = true;
        sampler.Join();
    }

    private void Sample()
    {
        while (!stopped)
        {
            Read();
            Thread.Sleep(20);
        }
    }

    private void Read()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
    }
}
