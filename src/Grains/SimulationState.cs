namespace Relations.Grains;

/// <summary>
/// Where a run stands: its durable position (<see cref="CheckpointSlices"/>, the slices every grain has written),
/// its progress, and which dyads hold its results. The request (the whole scenario) is kept apart and written
/// once, so status writes stay small.
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
    [Id(8)] public int CheckpointSlices { get; set; }
    [Id(9)] public long CheckpointOccurrences { get; set; }
    [Id(10)] public int Resumes { get; set; }
    [Id(11)] public DateTimeOffset StartedAt { get; set; }
}

/// <summary>
/// The request of a run, written once when it starts: its source when it has one (a few kilobytes), else the
/// scenario itself.
/// </summary>
[GenerateSerializer, Alias("relations.run-request-state")]
public sealed class RunRequestState
{
    [Id(0)] public Interfaces.ScenarioSource? Source { get; set; }
    [Id(1)] public Relations.Model.Scenarios.Scenario? Scenario { get; set; }
    [Id(2)] public Relations.Model.Evaluation.SampleStep Step { get; set; }
    [Id(3)] public int? Seed { get; set; }
    [Id(4)] public int CheckpointEverySlices { get; set; }
    [Id(5)] public TimeSpan CheckpointInterval { get; set; }

    /// <summary>The lowest certainty the run keeps (model.md rule 8), so that a scenario reloaded from its source is filtered again.</summary>
    [Id(6)] public Relations.Model.Scenarios.Certainty KeptCertainty { get; set; } = Relations.Model.Scenarios.Certainty.Assumed;

    /// <summary>See <see cref="Interfaces.RunRequest.Unlisted"/>.</summary>
    [Id(7)] public bool Unlisted { get; set; }

    public static RunRequestState Of(Interfaces.RunRequest request) => new()
    {
        Unlisted = request.Unlisted,
        Source = request.Source,
        Scenario = request.Source is null ? request.Scenario : null,
        Step = request.Step,
        Seed = request.Seed,
        CheckpointEverySlices = request.CheckpointEverySlices,
        CheckpointInterval = request.CheckpointInterval,
        KeptCertainty = request.Scenario.KeptCertainty,
    };

    public Interfaces.RunRequest? ToRequest() =>
        Scenario is null && Source is null ? null
            : new Interfaces.RunRequest(Scenario ?? Source!.Load().KeepingCertainty(KeptCertainty), Step, Seed) { CheckpointEverySlices = CheckpointEverySlices, CheckpointInterval = CheckpointInterval, Source = Source, Unlisted = Unlisted };
}
