using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Relations.Model.Benchmark;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations bench --events N --dyads M [--seed S]</c>: generates a seeded synthetic scenario, replays it with
/// both engines in one process, checks they agree, and prints events per second, peak memory and, last, the
/// actors/reference throughput ratio.
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
        var command = new Command("bench", "Benchmark: a synthetic scenario through both engines; prints events/s and the actors/reference ratio.")
        {
            events, dyads, seed, step, durable,
        };
        command.SetAction(async (parse, cancellation) =>
        {
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
            clock.Restart();

            // Actors first: the peak working set read after it is the actor engine's (plus the scenario).
            SeriesResult actors;
            double actorSeconds;
            await using (var cluster = await RelationsCluster.ConnectAsync(ClusterTarget.Embedded, cancellation))
            {
                console.Out.WriteLine(string.Create(inv, $"embedded silo started in {clock.Elapsed.TotalSeconds:0.00} s (not counted)"));
                clock.Restart();
                var request = new RunRequest(scenario, sampleStep, null)
                {
                    Source = ScenarioSource.FromSynthetic(n, m, parse.GetValue(seed)),
                    CheckpointEverySlices = cluster.CheckpointEverySlices,
                };
                actors = await ActorReplay.RunAsync(cluster.Grains, RunIds.New("bench"), request, null, cancellation);
                actorSeconds = clock.Elapsed.TotalSeconds;
            }
            var actorPeak = PeakMiB();
            console.Out.WriteLine(string.Create(inv, $"actors:    {actorSeconds:0.00} s, {n / actorSeconds:N0} events/s, peak memory {actorPeak:N0} MiB"));

            GC.Collect();
            clock.Restart();
            var reference = ReferenceEvaluator.Evaluate(scenario, sampleStep);
            var referenceSeconds = clock.Elapsed.TotalSeconds;
            console.Out.WriteLine(string.Create(inv, $"reference: {referenceSeconds:0.00} s, {n / referenceSeconds:N0} events/s, peak memory {PeakMiB():N0} MiB (whole process so far)"));

            var difference = MaxDifference(reference, actors);
            console.Out.WriteLine(string.Create(inv, $"engines agree: max |Δscore| = {difference:E2} over {reference.Dyads.Count:N0} dyads × {reference.Dates.Count} samples"));
            if (difference > 1e-9)
                throw new InvalidOperationException($"the engines disagree by {difference:E2} (more than 1e-9)");
            console.Out.WriteLine(string.Create(inv, $"actors/reference throughput ratio: {referenceSeconds / actorSeconds:0.00}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static double PeakMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

    private static double MaxDifference(SeriesResult a, SeriesResult b)
    {
        if (a.Dyads.Count != b.Dyads.Count)
            return double.PositiveInfinity;
        var max = 0.0;
        for (var d = 0; d < a.Dyads.Count; d++)
        {
            if (a.Dyads[d].Dyad != b.Dyads[d].Dyad)
                return double.PositiveInfinity;
            for (var i = 0; i < a.Dates.Count; i++)
                max = Math.Max(max, Math.Abs(a.Dyads[d].Scores[i] - b.Dyads[d].Scores[i]));
        }
        return max;
    }
}
