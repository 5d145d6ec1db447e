using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains.Interfaces;

/// <summary>Asks a simulation grain to replay a validated scenario or variant.</summary>
[GenerateSerializer, Immutable, Alias("relations.run-request")]
public sealed record RunRequest(
    [property: Id(0)] Scenario Scenario,
    [property: Id(1)] SampleStep Step,
    [property: Id(2)] int? Seed)
{
    /// <summary>
    /// How many time slices pass between checkpoints (written state): 1 writes after every slice; 0 (the default)
    /// checkpoints after the first slice that ends <see cref="CheckpointInterval"/> or more after the last checkpoint.
    /// </summary>
    [Id(3)] public int CheckpointEverySlices { get; init; }

    /// <summary>With <see cref="CheckpointEverySlices"/> 0: the least time between checkpoints.</summary>
    [Id(5)] public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where the scenario came from; stored instead of the scenario when given.</summary>
    [Id(4)] public ScenarioSource? Source { get; init; }

    /// <summary>
    /// A draw of an ensemble (or a cell of a sweep): kept by its ensemble, so not recorded in the run registry,
    /// which would otherwise list thousands of draws and rewrite its whole list for each.
    /// </summary>
    [Id(6)] public bool Unlisted { get; init; }
}

/// <summary>A run as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("relations.run-summary")]
public sealed record RunSummary(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ScenarioId,
    [property: Id(2)] string Title,
    [property: Id(3)] RunState State,
    [property: Id(4)] DateTimeOffset StartedAt)
{
    /// <summary>The run's sample step and seed, which tell runs of one scenario apart in a list.</summary>
    [Id(5)] public SampleStep Step { get; init; }

    [Id(6)] public int? Seed { get; init; }
}

/// <summary>A window of the run registry, the latest runs first, and how many runs it holds in all.</summary>
[GenerateSerializer, Immutable, Alias("relations.run-listing")]
public sealed record RunListing(
    [property: Id(0)] RunSummary[] Runs,
    [property: Id(1)] long Total);

/// <summary>Where a run stands.</summary>
[GenerateSerializer, Alias("relations.run-state")]
public enum RunState { NotStarted, Running, Completed, Failed }

/// <summary>A run's status and progress, as the CLI's progress bar and the dashboard show it.</summary>
[GenerateSerializer, Immutable, Alias("relations.run-status")]
public sealed record RunStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] RunState State,
    [property: Id(2)] int SlicesDone,
    [property: Id(3)] int SlicesTotal,
    [property: Id(4)] long OccurrencesApplied,
    [property: Id(5)] string? Error,
    [property: Id(6)] string? ScenarioId)
{
    /// <summary>How many times the run went back to its last checkpoint after losing grains (a silo lost).</summary>
    [Id(7)] public int Resumes { get; init; }

    /// <summary>
    /// While the run waits for its storage to answer again: a plain sentence saying since when. The run goes on by
    /// itself when storage is back; it spends none of its resumes on the wait.
    /// </summary>
    [Id(8)] public string? Waiting { get; init; }

    public double Progress => SlicesTotal == 0 ? 0 : (double)SlicesDone / SlicesTotal;
}

/// <summary>
/// A dyad an actor's grain holds for its run (the actor is its <see cref="A"/>): its place in the run's dyad list,
/// which messages name it by, the interruptions that apply to it (model.md rule 3), and whether it has a parent or
/// child dyad to spill to (rule 4).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.held-dyad-setup")]
public sealed record HeldDyadSetup(
    [property: Id(0)] int Index,
    [property: Id(1)] string A,
    [property: Id(2)] string B,
    [property: Id(3)] InterruptionSpan[] Interruptions,
    [property: Id(4)] bool Spills);

/// <summary>The dyads an actor's grain holds, with what they share: the run's model and sample days.</summary>
[GenerateSerializer, Immutable, Alias("relations.held-dyads")]
public sealed record HeldDyads(
    [property: Id(0)] ModelParameters Model,
    [property: Id(1)] DateOnly[] SampleDays,
    [property: Id(2)] HeldDyadSetup[] Dyads);

/// <summary>
/// An interruption applying to a dyad, inclusive days, with its decay multiplier resolved against the model's m and
/// the share of in-person activity it cancels (model.md rule 3 and E, 1.1).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.interruption-span")]
public readonly record struct InterruptionSpan(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] double DecayMultiplier,
    [property: Id(4)] double Cancels)
{
    public static InterruptionSpan Of(Interruption interruption, ModelParameters model)
    {
        var span = CalendarSpan.Of(interruption, model);
        return new(interruption.Id, span.From, span.To, span.DecayMultiplier, span.Cancels);
    }

    public CalendarSpan ToCalendarSpan() => new(From, To, DecayMultiplier, Cancels);
}

/// <summary>
/// A time slice's occurrences reaching one dyad, as parallel arrays (no object or string per occurrence): day
/// numbers, weights (rule 1), whether each is in person, each one's standing tie (rule 2: value, 0 for none, and
/// exclusive end day number, int.MaxValue for ever), and the certainty parts of its impulse and of its tie (rule 9,
/// a <see cref="Certainty"/> as a byte; absent: reported).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.occurrence-batch")]
public sealed record OccurrenceBatch(
    [property: Id(0)] int[] Days,
    [property: Id(1)] double[] Weights,
    [property: Id(2)] bool[] InPerson,
    [property: Id(3)] double[] TieValues,
    [property: Id(4)] int[] TieUntil)
{
    [Id(5)] public byte[]? Levels { get; init; }
    [Id(6)] public byte[]? TieLevels { get; init; }

    public int Count => Days.Length;

    public Certainty LevelOf(int i) => Levels is null ? Certainty.Reported : (Certainty)Levels[i];
    public Certainty TieLevelOf(int i) => TieLevels is null ? Certainty.Reported : (Certainty)TieLevels[i];
}

/// <summary>
/// Impulses spilled from another dyad (rule 4), as day numbers, amounts and certainty parts (rule 9, absent: reported):
/// they add at their days and do not spill again.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.spill-batch")]
public sealed record SpillBatch(
    [property: Id(0)] int[] Days,
    [property: Id(1)] double[] Amounts)
{
    [Id(2)] public byte[]? Levels { get; init; }

    public Certainty LevelOf(int i) => Levels is null ? Certainty.Reported : (Certainty)Levels[i];
}

/// <summary>
/// A dyad's series at the run's sample days, with R's certainty parts (model.md rule 9; absent in runs stored before
/// version 1.2, whose scores are then all in the reported part).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.dyad-series")]
public sealed record DyadSeriesData(
    [property: Id(0)] string A,
    [property: Id(1)] string B,
    [property: Id(2)] double[] Scores,
    [property: Id(3)] double[] Strengths)
{
    [Id(4)] public double[]? Reported { get; init; }
    [Id(5)] public double[]? Inferred { get; init; }
    [Id(6)] public double[]? Assumed { get; init; }

    /// <summary>The parts as the model holds them.</summary>
    public CertaintyParts Parts => Reported is { } reported && Inferred is { } inferred && Assumed is { } assumed
        ? new CertaintyParts(reported, inferred, assumed)
        : new CertaintyParts(Scores, new double[Scores.Length], new double[Scores.Length]);

    public DyadSeries ToSeries() => new(new Dyad(A, B), Scores, Strengths, Parts);
}

/// <summary>What an actor is and where it stands, as its region grain knows it.</summary>
[GenerateSerializer, Immutable, Alias("relations.region-setup")]
public sealed record RegionSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ActorId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Kind,
    [property: Id(4)] string? Country,
    [property: Id(5)] string? Parent,
    [property: Id(6)] string[] Children,
    [property: Id(7)] string[] Partners);

/// <summary>A region grain's state: its setup and the events that have reached it.</summary>
[GenerateSerializer, Immutable, Alias("relations.region-summary")]
public sealed record RegionSummary(
    [property: Id(0)] RegionSetup? Setup,
    [property: Id(1)] int OccurrencesReceived,
    [property: Id(2)] DateOnly? LastEventDay);

/// <summary>
/// Spills for the dyads an actor's grain holds (rule 4), as the run passes them on: for each, the dyad's index, the
/// slice it was spilled in, and the impulses.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.spill-delivery")]
public sealed record SpillDelivery(
    [property: Id(0)] int[] Dyads,
    [property: Id(1)] int[] Slices,
    [property: Id(2)] SpillBatch[] Batches)
{
    public static SpillDelivery None { get; } = new([], [], []);

    public int Count => Dyads.Length;
}

/// <summary>
/// One time slice for one actor's grain, in one message: how many of the slice's occurrences involve the actor (the
/// last on which day number), the occurrences of each dyad it holds (by dyad index), and the spills of earlier slices
/// for its dyads. Every impulse dated up to <see cref="Through"/> (a day number) has arrived with it or before it.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.actor-slice")]
public sealed record ActorSlice(
    [property: Id(0)] int Slice,
    [property: Id(1)] int Through,
    [property: Id(2)] int Occurrences,
    [property: Id(3)] int LastDay,
    [property: Id(4)] int[] Dyads,
    [property: Id(5)] OccurrenceBatch[] Batches,
    [property: Id(6)] SpillDelivery Spills);

/// <summary>
/// The spills of one dyad's applied occurrences (rule 4): their days, σ↑ amounts for the parent dyad, σ↓ amounts for
/// each child dyad, and their certainty parts (rule 9, a <see cref="Certainty"/> as a byte).
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.spilled")]
public sealed record Spilled(
    [property: Id(0)] int[] Days,
    [property: Id(1)] double[] Up,
    [property: Id(2)] double[] Down,
    [property: Id(3)] byte[] Levels);

/// <summary>What an actor's grain did with a slice: occurrences applied, and the spills of its dyads (by dyad index) for the run to pass on.</summary>
[GenerateSerializer, Immutable, Alias("relations.slice-applied")]
public sealed record SliceApplied(
    [property: Id(0)] int Applied,
    [property: Id(1)] int[] Dyads,
    [property: Id(2)] Spilled[] Spills);

/// <summary>A held dyad's R by certainty part at every sample day, when its run completes (a part zero throughout is null).</summary>
[GenerateSerializer, Immutable, Alias("relations.dyad-parts")]
public sealed record DyadParts(
    [property: Id(0)] int Dyad,
    [property: Id(1)] double[] Reported,
    [property: Id(2)] double[]? Inferred,
    [property: Id(3)] double[]? Assumed);
