using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Relations.Model.Benchmark;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations bench --events N --dyads M [--seed S]</c>: generates a seeded synthetic scenario, replays it with
/// the streaming evaluator (one thread, then over all cores), the actor engine and the reference loop (up to
/// <see cref="ReferenceLimit"/> events) in one process, checks they agree to 1e-9, and prints each one's time,
/// events per second and peak memory and, last, the actors/fast throughput ratio.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var events = new Option<int>("--events") { Description = "Event occurrences to generate.", DefaultValueFactory = _ => 100_000 };
        var dyads = new Option<int>("--dyads") { Description = "Dyads in the generated scenario.", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator.", DefaultValueFactory = _ => 42 };
        var step = CommonOptions.Step();
        var durable = new Option<string?>("--durable")
        {
            Description = "Also replay this scenario file through grains with in-memory state and with state in a local Azurite; report the time ratio and writes per event.",
        };
        var ensemble = new Option<string?>("--ensemble")
        {
            Description = "Instead: time an ensemble of this scenario file in one thread, through an embedded silo and through local clusters of 1…K silo processes; print draws/s and the cluster/one-thread ratio.",
        };
        var draws = new Option<int>("--draws") { Description = "Draws of the --ensemble benchmark.", DefaultValueFactory = _ => 1_000 };
        var silos = new Option<int>("--silos") { Description = "Largest local cluster of the --ensemble benchmark (1…K silo processes).", DefaultValueFactory = _ => 2 };
        var command = new Command("bench", "Benchmark: a synthetic scenario through the fast, actor and reference engines; prints events/s, peak memory and the actors/fast ratio.")
        {
            events, dyads, seed, step, durable, ensemble, draws, silos,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(ensemble) is { } ensembleFile)
            {
                var (drawCount, siloCount) = (parse.GetValue(draws), parse.GetValue(silos));
                if (drawCount is < 1 or > 1_000_000 || siloCount is < 1 or > 16)
                    throw new BadInputException("--draws must be 1 to 1,000,000 and --silos 1 to 16");
                await EnsembleBench.Run(console, ensembleFile, drawCount, siloCount, parse.GetValue(seed), CommonOptions.StepOf(parse.GetValue(step)!), cancellation);
                return ExitCodes.Success;
            }
            var (n, m) = (parse.GetValue(events), parse.GetValue(dyads));
            if (n < 1 || m < 1 || m > n)
                throw new BadInputException("--events and --dyads must be at least 1, and --dyads at most --events");
            var sampleStep = CommonOptions.StepOf(parse.GetValue(step)!);
            var inv = CultureInfo.InvariantCulture;
            if (parse.GetValue(durable) is { } durableFile)
                await DurableBench.Run(console, durableFile, repeats: 9, cancellation);

            var clock = Stopwatch.StartNew();
            var scenario = SyntheticScenario.Generate(n, m, parse.GetValue(seed));
            console.Out.WriteLine(string.Create(inv, $"generated: {n:N0} event occurrences, {m:N0} dyads, {scenario.Actors.Count:N0} actors in {clock.Elapsed.TotalSeconds:0.00} s"));
            console.Out.WriteLine("peak memory: the process's working set sampled every 20 ms during each engine's run, which starts after a full collection and holds the scenario; cpu: the process's processor time in the run (machine shared: wall time includes waiting)");

            // A small warm-up compiles the streaming evaluator, so its figure is the loop's and not the JIT's.
            var warmUp = SyntheticScenario.Generate(Math.Min(n, 20_000), Math.Min(m, 500), 1);
            for (var i = 0; i < 3; i++)
                StreamingEvaluator.Evaluate(warmUp, sampleStep);
            var (fast, fastSeconds, fastPeak) = Measure(() => StreamingEvaluator.Evaluate(scenario, sampleStep));
            Report("fast", "streaming evaluator, one thread", fastSeconds, fastPeak);
            var (_, parallelSeconds, parallelPeak) = Measure(() => StreamingEvaluator.Evaluate(scenario, sampleStep, parallel: true));
            Report("fast ∥", $"streaming evaluator, dyads over {Environment.ProcessorCount} cores", parallelSeconds, parallelPeak);

            SeriesResult actors;
            double actorSeconds;
            (double Peak, double Start, double Cpu) actorPeak;
            await using (var cluster = await RelationsCluster.ConnectAsync(ClusterTarget.Embedded, cancellation))
            {
                var request = new RunRequest(scenario, sampleStep, null)
                {
                    Source = ScenarioSource.FromSynthetic(n, m, parse.GetValue(seed)),
                    CheckpointEverySlices = cluster.CheckpointEverySlices,
                };
                using var memory = PhaseMemory.Start();
                clock.Restart();
                actors = await ActorReplay.RunAsync(cluster.Grains, RunIds.New("bench"), request, null, cancellation);
                (actorSeconds, actorPeak) = (clock.Elapsed.TotalSeconds, memory.Figures);
            }
            Report("actors", "embedded silo, in-memory state; silo start not counted", actorSeconds, actorPeak);
            Agree("fast and actors", fast, actors);

            if (n <= ReferenceLimit)
            {
                var (reference, referenceSeconds, referencePeak) = Measure(() => ReferenceEvaluator.Evaluate(scenario, sampleStep));
                Report("reference", "plain loop", referenceSeconds, referencePeak);
                Agree("fast and reference", fast, reference);
            }
            else
            {
                console.Out.WriteLine(string.Create(inv, $"reference: skipped above {ReferenceLimit:N0} events (it sums every event at every sample: minutes here)"));
            }
            console.Out.WriteLine(string.Create(inv, $"actors/fast throughput ratio: {fastSeconds / actorSeconds:0.000}"));

            void Report(string engine, string what, double seconds, (double Peak, double Start, double Cpu) memory) =>
                console.Out.WriteLine(string.Create(inv, $"{engine + ":",-10} {seconds,7:0.000} s, {n / seconds,12:N0} events/s, peak memory {memory.Peak,6:N0} MiB ({memory.Peak - memory.Start:N0} above the {memory.Start:N0} at its start), cpu {memory.Cpu:0.00} s ({what})"));

            void Agree(string which, SeriesResult a, SeriesResult b)
            {
                var (difference, where) = SeriesDifference.Largest(a, b);
                console.Out.WriteLine(string.Create(inv, $"{which} agree: max |Δ| of score, certainty parts and strength = {difference:E2} over {a.Dyads.Count:N0} dyads × {a.Dates.Count} samples"));
                if (difference > 1e-9)
                    throw new InvalidOperationException($"{which} disagree by {difference:E2} (more than 1e-9): {where}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Above this many events the reference is not run: it costs events × samples.</summary>
    private const int ReferenceLimit = 2_000_000;

    private static (SeriesResult Result, double Seconds, (double Peak, double Start, double Cpu) Memory) Measure(Func<SeriesResult> run)
    {
        using var memory = PhaseMemory.Start();
        var clock = Stopwatch.StartNew();
        var result = run();
        return (result, clock.Elapsed.TotalSeconds, memory.Figures);
    }
}
