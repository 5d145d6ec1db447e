using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// The processor time the calling thread has used (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)), for tests that bound
/// the work a synchronous call does: unlike wall time it does not grow while the thread waits for a core on a loaded
/// machine or while other tests run beside it. Elsewhere it falls back to wall time.
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTime = 3;

    public static TimeSpan Time(Action action)
    {
        if (!OperatingSystem.IsLinux())
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed;
        }
        var start = Now();
        action();
        return Now() - start;
    }

    private static TimeSpan Now()
    {
        if (clock_gettime(ThreadCpuTime, out var spec) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec spec);
}
