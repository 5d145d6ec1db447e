namespace Relations.Grains;

/// <summary>
/// Where a run stands: its durable position (<see cref="CheckpointSlices"/>, the slices every grain has written),
/// its progress, and, once completed, its results (<see cref="Results"/>), the only thing a completed run keeps besides
/// its request. The request (the whole scenario) is kept apart and written once, so status writes stay small.
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
    /// <summary>Of a run kept before <see cref="Results"/>: the dyads whose grains hold its series. Empty since.</summary>
    [Id(6)] public string[] DyadKeys { get; set; } = [];

    /// <summary>Of a run kept before <see cref="Results"/>: its sample days. Empty since.</summary>
    [Id(7)] public DateOnly[] SampleDays { get; set; } = [];
    [Id(8)] public int CheckpointSlices { get; set; }
    [Id(9)] public long CheckpointOccurrences { get; set; }
    [Id(10)] public int Resumes { get; set; }
    [Id(11)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>A completed run's results: what its pages read, written once with the run's end.</summary>
    [Id(12)] public RunResults? Results { get; set; }

    /// <summary>
    /// Whether relationship grains may hold checkpoints of this run: set before the first checkpoint is written, cleared
    /// once a completed run has deleted them (until then its reminder stays, so a run stopped in between finishes the job).
    /// </summary>
    [Id(13)] public bool WorkingStateKept { get; set; }

    /// <summary>The page of the run registry that lists this run, once listed.</summary>
    [Id(14)] public long? RegistryPage { get; set; }

    /// <summary>
    /// Whether the run's dyads are held by its actors' grains (runs started since); a run started before, found running,
    /// goes again from its start, its relationship grains' checkpoints left to delete (<see cref="RelationshipCheckpointsKept"/>).
    /// </summary>
    [Id(15)] public bool HeldByActors { get; set; }

    /// <summary>Whether relationship grains (of a run started before <see cref="HeldByActors"/>) may hold checkpoints the run must delete.</summary>
    [Id(16)] public bool RelationshipCheckpointsKept { get; set; }
}

/// <summary>
/// What the pages of a completed run read, kept compactly in the run's own state: the sample days, each dyad's scores
/// (strengths follow from them, model.md rule 6), and how many occurrences reached each actor and when the last did.
/// Nothing per event: the explanation pages rebuild those from the request.
/// </summary>
[GenerateSerializer, Alias("relations.run-results")]
public sealed class RunResults
{
    [Id(0)] public DateOnly[] SampleDays { get; set; } = [];

    /// <summary>The dyads, as "A/B" keys, in the order of <see cref="Scores"/>.</summary>
    [Id(1)] public string[] Dyads { get; set; } = [];

    /// <summary>
    /// The parts of every dyad's score at every sample day (model.md rule 8): the reported parts, dyad after dyad
    /// (<see cref="Dyads"/> × <see cref="SampleDays"/>), then as many inferred parts if <see cref="HasInferred"/>,
    /// then assumed parts if <see cref="HasAssumed"/> (a part that is zero throughout is not kept).
    /// </summary>
    [Id(2)] public double[] Scores { get; set; } = [];

    /// <summary>The actors events reached, with how many occurrences each and the day number of the last.</summary>
    [Id(3)] public string[] Actors { get; set; } = [];

    [Id(4)] public int[] ActorOccurrences { get; set; } = [];

    [Id(5)] public int[] ActorLastDays { get; set; } = [];

    /// <summary>
    /// Of a run whose scores exceed <see cref="ChunkLength"/>: how many <see cref="ScoreChunk"/> states (named
    /// "scores-0", "scores-1", …, beside the run's own) hold them, <see cref="Scores"/> being empty; 0 for a run whose
    /// scores are kept here.
    /// </summary>
    [Id(6)] public int ScoreChunks { get; set; }

    /// <summary>Scores a table entity holds with room to spare (8 bytes each; an entity takes about 1 MB).</summary>
    public const int ChunkLength = 48 * 1024;

    [Id(7)] public bool HasInferred { get; set; }

    [Id(8)] public bool HasAssumed { get; set; }

    /// <param name="dyads">The dyads' keys ("A/B").</param>
    /// <param name="parts">Each dyad's parts, in the order of <paramref name="dyads"/>.</param>
    public static RunResults Of(DateOnly[] sampleDays, string[] dyads, Interfaces.DyadParts[] parts, IReadOnlyDictionary<string, (int Count, DateOnly? LastDay)> actors)
    {
        var hasInferred = parts.Any(p => p.Inferred is not null);
        var hasAssumed = parts.Any(p => p.Assumed is not null);
        var length = sampleDays.Length;
        var block = parts.Length * length;
        var kept = new double[block * (1 + (hasInferred ? 1 : 0) + (hasAssumed ? 1 : 0))];
        for (var d = 0; d < parts.Length; d++)
        {
            parts[d].Reported.CopyTo(kept, d * length);
            if (hasInferred)
                parts[d].Inferred?.CopyTo(kept, block + d * length);
            if (hasAssumed)
                parts[d].Assumed?.CopyTo(kept, (hasInferred ? 2 : 1) * block + d * length);
        }
        var reached = actors.OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        return new RunResults
        {
            SampleDays = sampleDays,
            Dyads = dyads,
            Scores = kept,
            HasInferred = hasInferred,
            HasAssumed = hasAssumed,
            Actors = [.. reached.Select(a => a.Key)],
            ActorOccurrences = [.. reached.Select(a => a.Value.Count)],
            ActorLastDays = [.. reached.Select(a => a.Value.LastDay?.DayNumber ?? 0)],
        };
    }

    /// <summary>
    /// Every dyad's series from its kept parts (<see cref="Scores"/> unless given), scores and strengths computed as the
    /// relationship grains computed them (<see cref="Relations.Model.Evaluation.DyadSweep.Series"/>).
    /// </summary>
    public Interfaces.DyadSeriesData[] Series(Relations.Model.Scenarios.ModelParameters model, double[]? allScores = null)
    {
        var every = allScores ?? Scores;
        var length = SampleDays.Length;
        var block = Dyads.Length * length;
        var series = new Interfaces.DyadSeriesData[Dyads.Length];
        for (var d = 0; d < series.Length; d++)
        {
            var reported = every.AsSpan(d * length, length).ToArray();
            var inferred = HasInferred ? every.AsSpan(block + d * length, length).ToArray() : new double[length];
            var assumed = HasAssumed ? every.AsSpan((HasInferred ? 2 : 1) * block + d * length, length).ToArray() : new double[length];
            var slash = Dyads[d].IndexOf('/');
            var (a, b) = (Dyads[d][..slash], Dyads[d][(slash + 1)..]);
            // As DyadSweep.Series computes them, without copying its lists again.
            var scores = new Relations.Model.Evaluation.CertaintyParts(reported, inferred, assumed).Scores();
            series[d] = new Interfaces.DyadSeriesData(a, b, scores, Relations.Model.Evaluation.DyadSweep.Strengths(scores, model))
            {
                Reported = reported,
                Inferred = inferred,
                Assumed = assumed,
            };
        }
        return series;
    }

    /// <summary>How many occurrences reached an actor, and the last day one did.</summary>
    public (int Occurrences, DateOnly? LastDay) Reached(string actorId)
    {
        var at = Array.BinarySearch(Actors, actorId, StringComparer.Ordinal);
        return at < 0 ? (0, null) : (ActorOccurrences[at], DateOnly.FromDayNumber(ActorLastDays[at]));
    }
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

/// <summary>A part of a large completed run's scores (<see cref="RunResults.ScoreChunks"/>).</summary>
[GenerateSerializer, Alias("relations.score-chunk")]
public sealed class ScoreChunk
{
    [Id(0)] public double[] Scores { get; set; } = [];
}
