using System.Diagnostics.Metrics;

namespace Relations.Model.Telemetry;

/// <summary>
/// The project's own meters (<see cref="MeterName"/>), recorded where the work happens — grains, the importer — and
/// exported by every host (Prometheus text at /metrics, OTLP when configured) as <c>relations_…</c>. Plain
/// System.Diagnostics.Metrics, so the layers that record know nothing of the exporters; an instrument nobody listens
/// to costs nothing.
/// </summary>
public static class RelationsMetrics
{
    public const string MeterName = "Relations";

    private static readonly Meter Meter = new(MeterName, "1.2");

    /// <summary>Runs started (a draw of an ensemble is a run too).</summary>
    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("relations.runs.started", description: "Runs started.");

    public static readonly Counter<long> RunsCompleted = Meter.CreateCounter<long>("relations.runs.completed", description: "Runs completed.");

    public static readonly Counter<long> RunsFailed = Meter.CreateCounter<long>("relations.runs.failed", description: "Runs that ended failed.");

    /// <summary>Time slices (calendar years) applied by runs; its rate is slices per second.</summary>
    public static readonly Counter<long> Slices = Meter.CreateCounter<long>("relations.slices", description: "Time slices applied by runs.");

    /// <summary>Monte-Carlo draws completed; its rate is draws per second.</summary>
    public static readonly Counter<long> Draws = Meter.CreateCounter<long>("relations.draws", description: "Monte-Carlo draws completed.");

    /// <summary>Times a run began to wait for storage that did not answer.</summary>
    public static readonly Counter<long> StorageWaits = Meter.CreateCounter<long>("relations.storage.waits", description: "Times a run began waiting for storage that did not answer.");

    /// <summary>How long runs waited for storage, once it answered again.</summary>
    public static readonly Histogram<double> StorageWaitDuration = Meter.CreateHistogram<double>("relations.storage.wait.duration", "s", "How long a run waited for storage.");

    /// <summary>Rows of imported event files, by outcome: <c>kept</c>, <c>skipped</c> (on purpose, counted by reason in the import's summary) or <c>problem</c>.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("relations.import.rows", description: "Rows of imported event files, by outcome (kept, skipped, problem).");
}
