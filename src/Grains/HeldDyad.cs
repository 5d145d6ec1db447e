using System.Runtime.InteropServices;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One dyad of a run, as the grain of its first actor holds it. Applies arriving occurrences with the rule kernel
/// (<see cref="StrengthModel.Apply"/>) — cancelling in-person ones inside an applying interruption, wholly or in part
/// (model.md rule 3), taking impulses and standing ties (rules 1–2) with their certainty parts (rule 9) — and answers
/// each applied impulse's spill for the parent and child dyads (rule 4). It holds impulses as day numbers and amounts
/// until they are folded into a carried decayed sum with the streaming evaluator's sweep (<see cref="DyadSweep"/>),
/// which records the parts at the sample days passed. Applying is idempotent per checkpointed slice, so a run can
/// resume from its last checkpoint. The math is the pure model's; this class holds the dyad's working state.
/// </summary>
internal sealed class HeldDyad(HeldDyadSetup setup, ModelParameters model, int[] sampleDays, DecayTable decay)
{
    private readonly PendingImpulses pending = new();
    private readonly InterruptionCalendar calendar = setup.Interruptions.Length == 0 ? InterruptionCalendar.Empty
        : new InterruptionCalendar(setup.Interruptions.Select(i => i.ToCalendarSpan()));
    private readonly List<StandingSpan> standing = [];
    private SweepPosition position = SweepPosition.Start;
    /// <summary>R's parts at the sample days passed (the first <see cref="next"/>), made when the first sweep writes.</summary>
    private double[]? reported, inferred, assumed;
    private int next;
    private int applied, cancelled;

    public HeldDyadSetup Setup => setup;

    /// <summary>The last slice whose impulses, the dyad's and those spilled to it, are all in its written state.</summary>
    public int AppliedThroughSlice { get; private set; } = -1;

    /// <summary>Whether the dyad has changed since it was last written.</summary>
    public bool Changed { get; private set; }

    /// <summary>
    /// Applies a slice's occurrences on the dyad (unless it holds that slice already, before a resume) and answers their
    /// spills, or null when there are none or nowhere for them to go.
    /// </summary>
    public Spilled? Apply(int slice, OccurrenceBatch occurrences, out int count)
    {
        var alreadyHeld = slice <= AppliedThroughSlice;
        var spills = setup.Spills;
        var (days, up, down, levels) = spills
            ? (new int[occurrences.Count], new double[occurrences.Count], new double[occurrences.Count], new byte[occurrences.Count])
            : ([], [], [], []);
        var applying = 0;
        for (var i = 0; i < occurrences.Count; i++)
        {
            var day = occurrences.Days[i];
            var inPerson = occurrences.InPerson[i];
            var impulse = StrengthModel.Apply(occurrences.Weights[i], inPerson, inPerson ? calendar.CancelShare(day) : 0.0, model);
            if (!impulse.Applies)
            {
                if (!alreadyHeld)
                    cancelled++;
                continue;
            }
            var level = occurrences.LevelOf(i);
            if (spills)
                (days[applying], down[applying], up[applying], levels[applying]) = (day, impulse.SpillDown, impulse.SpillUp, (byte)level);
            applying++;
            if (!alreadyHeld)
            {
                applied++;
                pending.Add(day, impulse.Impulse, level);
                if (occurrences.TieValues[i] != 0.0)
                    standing.Add(new StandingSpan(day, occurrences.TieUntil[i], impulse.Tie(occurrences.TieValues[i]), occurrences.TieLevelOf(i)));
            }
        }
        Changed |= !alreadyHeld && occurrences.Count > 0;
        count = alreadyHeld ? 0 : applying;
        return !spills || applying == 0 ? null
            : applying == days.Length ? new Spilled(days, up, down, levels)
            : new Spilled(days[..applying], up[..applying], down[..applying], levels[..applying]);
    }

    /// <summary>Takes spills of slice <paramref name="slice"/> from a parent or child dyad; a slice already written here is not taken again.</summary>
    public void Receive(int slice, SpillBatch spills)
    {
        if (slice <= AppliedThroughSlice)
            return;
        for (var i = 0; i < spills.Days.Length; i++)
            pending.Add(spills.Days[i], spills.Amounts[i], spills.LevelOf(i));
        Changed = true;
    }

    /// <summary>
    /// Folds the held impulses dated up to <paramref name="through"/> into the sums, recording every sample day passed
    /// on the way; with <paramref name="onlyHeld"/>, only when impulses are held (the samples are recorded later).
    /// </summary>
    public void SweepThrough(int through, bool onlyHeld = false)
    {
        if (onlyHeld && pending.Count == 0)
            return;
        if (reported is null)
            (reported, inferred, assumed) = (new double[sampleDays.Length], new double[sampleDays.Length], new double[sampleDays.Length]);
        var (impulseDays, amounts, levels) = pending.TakeThrough(through);
        next = DyadSweep.Run(ref position, impulseDays.Span, amounts.Span, levels.Span, CollectionsMarshal.AsSpan(standing), calendar, decay, sampleDays, next,
            new PartScores(reported, inferred, assumed!), through);
    }

    /// <summary>Folds everything held up to <paramref name="through"/> and answers the state to write, as applied through <paramref name="slice"/>.</summary>
    public RelationshipState Checkpoint(int slice, int through)
    {
        if (slice > AppliedThroughSlice)
        {
            SweepThrough(through);
            AppliedThroughSlice = slice;
        }
        Changed = false;
        return new RelationshipState
        {
            AppliedThroughSlice = AppliedThroughSlice,
            Cursor = position.Cursor == int.MinValue ? null : DateOnly.FromDayNumber(position.Cursor),
            Decayed = position.Reported,
            DecayedInferred = position.Inferred,
            DecayedAssumed = position.Assumed,
            StandingTies = [.. standing.Select(t => new HeldStandingTie(DateOnly.FromDayNumber(t.Start),
                t.Until == int.MaxValue ? null : DateOnly.FromDayNumber(t.Until), t.Value, (byte)t.Level))],
            Scores = [.. Written(reported)],
            ScoresInferred = [.. Written(inferred)],
            ScoresAssumed = [.. Written(assumed)],
            Applied = applied,
            Cancelled = cancelled,
        };
    }

    private ReadOnlySpan<double> Written(double[]? part) => part is null ? [] : part.AsSpan(0, next);

    /// <summary>Forgets what is not written and takes the written state (none: a new dyad).</summary>
    public void Restore(RelationshipState? written)
    {
        pending.Clear();
        standing.Clear();
        (reported, inferred, assumed, next) = (null, null, null, 0);
        Changed = false;
        if (written is null)
        {
            (position, AppliedThroughSlice, applied, cancelled) = (SweepPosition.Start, -1, 0, 0);
            return;
        }
        position = new SweepPosition(written.Cursor?.DayNumber ?? int.MinValue, written.Decayed, written.DecayedInferred, written.DecayedAssumed);
        (AppliedThroughSlice, applied, cancelled) = (written.AppliedThroughSlice, written.Applied, written.Cancelled);
        standing.AddRange(written.StandingTies.Select(t => StandingSpan.Of(t.Start, t.Until, t.Value, (Certainty)t.Level)));
        next = written.Scores.Count;
        (reported, inferred, assumed) = (new double[sampleDays.Length], new double[sampleDays.Length], new double[sampleDays.Length]);
        written.Scores.CopyTo(reported);
        // Runs checkpointed before version 1.2 hold all of R as the reported part, and no other part's scores.
        written.ScoresInferred.CopyTo(inferred);
        written.ScoresAssumed.CopyTo(assumed);
    }

    /// <summary>Sweeps to the last sample day and answers R's parts there (a part zero throughout as null).</summary>
    public DyadParts Complete()
    {
        SweepThrough(int.MaxValue);
        return new DyadParts(setup.Index, reported!, NullIfZero(inferred!), NullIfZero(assumed!));
    }

    private static double[]? NullIfZero(double[] part) => part.AsSpan().ContainsAnyExcept(0.0) ? part : null;
}
