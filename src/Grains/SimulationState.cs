namespace Relations.Grains;

/// <summary>
/// Where a run stands and which dyads hold its results. The request (the whole scenario, which may hold a
/// million events) is not part of it, so that status writes stay small.
/// </summary>
[GenerateSerializer, Alias("relations.simulation-state")]
public sealed class SimulationState
{
    [Id(0)] public string? ScenarioId { get; set; }
    [Id(1)] public Interfaces.RunState State { get; set; }
    [Id(2)] public int SlicesDone { get; set; }
    [Id(3)] public int SlicesTotal { get; set; }
    [Id(4)] public long OccurrencesApplied { get; set; }
    [Id(5)] public string? Error { get; set; }
    [Id(6)] public string[] DyadKeys { get; set; } = [];
    [Id(7)] public DateOnly[] SampleDays { get; set; } = [];
}

