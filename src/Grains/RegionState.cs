namespace Relations.Grains;

/// <summary>
/// What a region grain holds while its run goes on: what the actor is, how many occurrences have reached it (the last
/// on which day), and the last slice counted. Not stored (runs kept before results were kept stored it under this alias).
/// </summary>
[GenerateSerializer, Alias("relations.region-state")]
public sealed class RegionState
{
    [Id(0)] public Interfaces.RegionSetup? Setup { get; set; }
    [Id(1)] public int OccurrencesReceived { get; set; }
    [Id(2)] public DateOnly? LastEventDay { get; set; }
    [Id(3)] public int CountedThroughSlice { get; set; } = -1;
}
