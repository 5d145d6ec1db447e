using Relations.Grains.Interfaces;
using Spectre.Console;

namespace Relations.Silo.Cli;

/// <summary>
/// Shows a run's progress: a live bar on an interactive terminal, plain "progress:" lines when output is
/// redirected (Spectre's own fallback never prints 100 %, so it is not used there).
/// </summary>
internal static class RunProgressDisplay
{
    /// <param name="unit">What the status counts (time slices of a run, draws of an ensemble, cells of a sweep).</param>
    public static async Task<T> Show<T>(CliConsole console, string label, Func<IProgress<RunStatus>, Task<T>> work, string unit = "time slices")
    {
        var interactive = ReferenceEquals(console.Out, Console.Out)
            && !Console.IsOutputRedirected
            && AnsiConsole.Profile.Capabilities is { Interactive: true, Ansi: true };
        if (!interactive)
        {
            var lastReported = -1;
            return await work(new Progress<RunStatus>(status =>
            {
                if (status.SlicesTotal == 0 || status.SlicesDone == lastReported)
                    return;
                lastReported = status.SlicesDone;
                console.Out.WriteLine($"progress: {status.SlicesDone}/{status.SlicesTotal} {unit} ({100 * status.SlicesDone / status.SlicesTotal}%)");
            }));
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1.0);
                result = await work(new SynchronousProgress<RunStatus>(status =>
                {
                    if (status.SlicesTotal > 0)
                        task.Value = status.Progress;
                }));
                task.Value = 1.0;
            });
        return result;
    }
}

/// <summary>Progress passed on at once on the reporting thread, in order (Progress&lt;T&gt; posts it elsewhere, out of order).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
