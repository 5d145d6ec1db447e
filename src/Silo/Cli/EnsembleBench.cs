using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Relations.Grains.Interfaces;
using Relations.Hosting;
using Relations.Model.Ensembles;
using Relations.Model.Evaluation;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations bench --ensemble FILE --draws N [--silos K]</c> (issue 18.6): the same ensemble in one thread in this
/// process, as a job of an embedded silo, and as a job of local clusters of 1…K <c>relations silo</c> processes
/// (membership and grain state in a private in-memory Azurite, as a cluster keeps them), each checked to write the same ensemble.csv; prints
/// draws/s and peak memory for each and ends with the cluster/one-thread ensemble throughput ratio.
/// </summary>
internal static class EnsembleBench
{
    public static async Task Run(CliConsole console, string scenarioFile, int draws, int silos, int seed, SampleStep step, CancellationToken cancellation)
    {
        var inv = CultureInfo.InvariantCulture;
        var (scenario, source) = ScenarioFiles.Load(scenarioFile);
        var request = new JobRequest(new RunRequest(scenario, step, seed) { Source = source }, draws, []);
        var plan = request.Plan();
        console.Out.WriteLine(string.Create(inv, $"ensemble: {draws:N0} draws of {scenario.Id} ({plan.Dyads.Count} dyads × {plan.Dates.Count} samples), seeds {seed}…{seed + draws - 1}; {Environment.ProcessorCount} cores"));
        console.Out.WriteLine("time: from the job's start to its folded outcome (silo and cluster start not counted); peak memory: working sets sampled every 20 ms, this process plus its silo processes");

        // Each way first runs a warm-up ensemble of its own, not timed, so that every process's evaluator is compiled
        // to its optimised tier (.NET's tiered JIT promotes a method after 30 calls, in the background) and every silo's
        // workers are active: the figures compare the loops, not the JIT. The warm-up is the same for every way.
        var warmUp = new JobRequest(request.Run, Math.Min(draws, WarmUpDraws), []);
        JobRunner.Run(warmUp.Plan());
        string expected;
        double oneThread;
        using (var memory = PhaseMemory.Start())
        {
            var clock = Stopwatch.StartNew();
            var outcome = JobRunner.Run(plan);
            oneThread = clock.Elapsed.TotalSeconds;
            expected = Csv(outcome);
            Report("one thread", "in this process", oneThread, memory.Figures.Peak, 0);
        }

        await using (var embedded = await RelationsCluster.ConnectAsync(ClusterTarget.Embedded, cancellation))
        {
            await RunJob(embedded.Grains, JobClient.NewId(warmUp), warmUp);
            using var memory = PhaseMemory.Start();
            var (seconds, csv, _) = await RunJob(embedded.Grains, JobClient.NewId(request), request);
            Same("embedded silo", csv);
            Report("embedded", "one silo in this process, state in memory", seconds, memory.Figures.Peak, 0);
        }

        var best = 0.0;
        await using var azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), cancellation: cancellation);
        for (var k = 1; k <= silos; k++)
        {
            var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
            var processes = new List<Process>();
            try
            {
                for (var i = 0; i < k; i++)
                    processes.Add(await StartSilo(azurite.ConnectionString, clusterId, cancellation));
                await using var client = await RelationsCluster.ConnectAsync(new ClusterTarget(null, clusterId, azurite.ConnectionString), cancellation);
                while ((await client.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count < k)
                    await Task.Delay(200, cancellation);
                await RunJob(client.Grains, JobClient.NewId(warmUp), warmUp);
                using var memory = PhaseMemory.Start();
                var (seconds, csv, used) = await RunJob(client.Grains, JobClient.NewId(request), request);
                Same($"cluster of {k}", csv);
                var silosPeak = processes.Sum(p => Peak(p));
                best = Math.Max(best, draws / seconds);
                Report($"cluster {k}", $"{k} relations silo process{(k == 1 ? "" : "es")}, draws evaluated on {used}", seconds, memory.Figures.Peak, silosPeak);
            }
            finally
            {
                foreach (var process in processes)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None);
                    process.Dispose();
                }
            }
        }
        console.Out.WriteLine(string.Create(inv, $"cluster/one-thread ensemble throughput ratio: {best / (draws / oneThread):0.00}"));

        void Report(string how, string what, double seconds, double peakMiB, double silosMiB) =>
            console.Out.WriteLine(string.Create(inv, $"{how + ":",-12} {seconds,8:0.000} s, {draws / seconds,9:N0} draws/s, peak memory {peakMiB + silosMiB,6:N0} MiB{(silosMiB > 0 ? $" ({silosMiB:N0} in the silos)" : "")} ({what})"));

        void Same(string which, string csv)
        {
            if (csv != expected)
                throw new InvalidOperationException($"the {which}'s ensemble.csv differs from the one-thread ensemble's");
        }

        async Task<(double Seconds, string Csv, int Silos)> RunJob(IGrainFactory grains, string id, JobRequest job)
        {
            var used = 0;
            var clock = Stopwatch.StartNew();
            var outcome = await JobClient.RunAsync(grains, id, job, new SynchronousProgress<JobStatus>(s => used = Math.Max(used, s.Silos)), cancellation);
            var seconds = clock.Elapsed.TotalSeconds;
            return (seconds, Csv(outcome), used);
        }
    }

    /// <summary>Draws of the warm-up ensemble each way runs before it is timed.</summary>
    private const int WarmUpDraws = 200;

    private static string Csv(JobOutcome outcome)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        EnsembleCsv.Write(outcome.Ensemble!, writer);
        return writer.ToString();
    }

    /// <summary>A process's peak working set so far (MiB).</summary>
    private static double Peak(Process process)
    {
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>Starts <c>relations silo</c> in the cluster and waits for the line that says it listens.</summary>
    private static async Task<Process> StartSilo(string connectionString, string clusterId, CancellationToken cancellation)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in (string[])["silo", "--storage", "azure", "--connection-string", connectionString, "--cluster", clusterId])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start 'relations silo'");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("silo: listening", StringComparison.Ordinal) == true)
                listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
                errors.AppendLine(line.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"'relations silo' ended before it listened: {errors}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(3), cancellation);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
        return process;
    }
}
