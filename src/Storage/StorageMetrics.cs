using System.Diagnostics.Metrics;

namespace Relations.Storage;

/// <summary>Counters of the Azure Table grain storage, on the meter "Relations.Storage" (for the benchmark and for operators).</summary>
public static class StorageMetrics
{
    public const string MeterName = "Relations.Storage";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Grain-state writes that reached the table.</summary>
    public static Counter<long> Writes { get; } = Meter.CreateCounter<long>("relations.storage.writes", "{write}", "Grain-state writes stored in Azure tables");

    /// <summary>Bytes of serialized state written.</summary>
    public static Counter<long> BytesWritten { get; } = Meter.CreateCounter<long>("relations.storage.bytes_written", "By", "Bytes of grain state written to Azure tables");
}
