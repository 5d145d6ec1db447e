using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>A job's state, written when it starts and when it ends; its request is kept apart (<see cref="JobRequestState"/>), written once.</summary>
[GenerateSerializer, Alias("relations.job-grain-state")]
public sealed class JobGrainState
{
    [Id(0)] public JobKind Kind { get; set; }
    [Id(1)] public JobState State { get; set; }
    [Id(2)] public string ScenarioId { get; set; } = "";
    [Id(3)] public string Title { get; set; } = "";
    [Id(4)] public DateTimeOffset StartedAt { get; set; }
    [Id(5)] public DateTimeOffset? EndedAt { get; set; }
    [Id(6)] public int Total { get; set; }
    [Id(7)] public int Done { get; set; }
    [Id(8)] public int? Draws { get; set; }
    [Id(9)] public int Cells { get; set; }
    [Id(10)] public int Parts { get; set; }
    [Id(11)] public string? Error { get; set; }
    [Id(12)] public string? FromRun { get; set; }
}

/// <summary>A job's request as stored: the run request (its scenario's source when it has one), draws and sweep settings.</summary>
[GenerateSerializer, Alias("relations.job-request-state")]
public sealed class JobRequestState
{
    [Id(0)] public RunRequestState Run { get; set; } = new();
    [Id(1)] public int? Draws { get; set; }
    [Id(2)] public string[] Sweep { get; set; } = [];
    [Id(3)] public string? FromRun { get; set; }

    public static JobRequestState Of(JobRequest request) =>
        new() { Run = RunRequestState.Of(request.Run), Draws = request.Draws, Sweep = request.Sweep, FromRun = request.FromRun };

    public JobRequest? ToRequest() => Run.ToRequest() is { } run ? new JobRequest(run, Draws, Sweep) { FromRun = FromRun } : null;
}

/// <summary>One stored part of a job's outcome: its numbers as raw bytes.</summary>
[GenerateSerializer, Alias("relations.job-result-state")]
public sealed class JobResultState
{
    [Id(0)] public byte[] Values { get; set; } = [];
}

/// <summary>Every job the registry knows, by job id.</summary>
[GenerateSerializer, Alias("relations.job-registry-state")]
public sealed class JobRegistryState
{
    [Id(0)] public Dictionary<string, JobSummary> Jobs { get; set; } = [];
}
