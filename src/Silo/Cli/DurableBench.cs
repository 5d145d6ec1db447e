using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Relations.Hosting;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Silo.Cli;

/// <summary>
/// The durable part of <c>relations bench</c>: a scenario replayed through grains with in-memory state and with
/// state in a local Azurite (default checkpoints), the time ratio, and grain-state writes per event.
/// </summary>
internal static class DurableBench
{
    public static async Task Run(CliConsole console, string scenarioFile, int repeats, CancellationToken cancellation)
    {
        var inv = CultureInfo.InvariantCulture;
        var (scenario, source) = ScenarioFiles.Load(scenarioFile);
        var occurrences = Occurrences.Place(scenario.Events).Count;
        await using var azurite = await LocalAzurite.StartAsync(LocalAzurite.ToolDirectory(), cancellation: cancellation);

        var memory = await Time(RelationsStorage.InMemory, repeats);
        var durableStorage = new RelationsStorage(RelationsStorage.Azure, azurite.ConnectionString);
        long writes = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                // Orleans records every grain-state write's latency; counting the records counts the writes.
                if (instrument.Name == "orleans-storage-write-latency")
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref writes));
        listener.Start();
        string[] tables = [durableStorage.TableName, "OrleansReminders"];
        var before = await StoredFootprint.MeasureAsync(durableStorage.TableService(), tables, cancellation);
        var durable = await Time(durableStorage, repeats);
        listener.Dispose();
        var stored = await StoredFootprint.MeasureAsync(durableStorage.TableService(), tables, cancellation) - before;
        // The warm-up replay writes too: every replay of the same scenario writes the same.
        var writesPerRun = Interlocked.Read(ref writes) / (double)(repeats + 1);

        console.Out.WriteLine(string.Create(inv, $"durable: {scenario.Id} ({occurrences:N0} event occurrences), median of {repeats} replays through grains"));
        console.Out.WriteLine(string.Create(inv, $"  memory storage: {memory:0.000} s; Azurite (default checkpoints, every 2 s of run): {durable:0.000} s"));
        console.Out.WriteLine(string.Create(inv, $"  grain-state writes: {writesPerRun:N0} a run, {writesPerRun / occurrences:0.00} per event occurrence"));
        console.Out.WriteLine(string.Create(inv, $"  stored: {stored.Bytes / (repeats + 1.0):N0} bytes in {stored.Entities / (repeats + 1.0):0.#} entities a completed run (grain state and reminders; keys and values as stored): {string.Join(", ", stored.BytesByKind.Where(k => k.Value != 0).Select(k => $"{k.Key} {k.Value / (repeats + 1.0):N0}"))}"));
        console.Out.WriteLine(string.Create(inv, $"durable/memory time ratio: {durable / memory:0.00}"));

        async Task<double> Time(RelationsStorage storage, int count)
        {
            var seconds = new List<double>();
            await using var cluster = await RelationsCluster.ConnectAsync(ClusterTarget.Embedded, storage, cancellation);
            for (var i = 0; i <= count; i++)
            {
                var request = new RunRequest(scenario, SampleStep.Month, null) { Source = source, CheckpointEverySlices = cluster.CheckpointEverySlices };
                var clock = Stopwatch.StartNew();
                await ActorReplay.RunAsync(cluster.Grains, RunIds.New("bench-durable"), request, null, cancellation);
                // The first replay warms the silo up (activations, JIT); it is not counted.
                if (i > 0)
                    seconds.Add(clock.Elapsed.TotalSeconds);
            }
            seconds.Sort();
            return seconds[seconds.Count / 2];
        }
    }
}
