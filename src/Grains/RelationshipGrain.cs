using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One dyad of one run. Applies arriving occurrences with the rule kernel (<see cref="StrengthModel.Apply"/>) —
/// cancelling in-person ones inside an applying interruption, wholly or in part (model.md rule 3), taking impulses and
/// standing ties (rules 1–2) with their certainty parts (rule 9) — and passes each applied impulse's spill to
/// the parent and child dyads' grains, one call per grain per slice (rule 4). It holds impulses as day numbers and
/// amounts until a checkpoint or the end, then folds them into a carried decayed sum with the streaming evaluator's
/// sweep (<see cref="DyadSweep"/>), recording the samples passed; at checkpoints it writes that small state. Applying
/// is idempotent per checkpointed slice, so a run can resume from its last checkpoint. At the end it answers its series
/// and writes nothing: the run keeps the results, and deletes the checkpoints (<see cref="Forget"/>).
/// The math is the pure model's; this class holds identity, state and messaging.
/// </summary>
// Random placement spreads a run's many dyads over the cluster's silos (the default keeps them near their caller).
[Orleans.Placement.RandomPlacement]
[GrainType("relationship")]
// A finished run's grains serve nothing the dashboard has not cached: idle ones go after minutes, not the default 15.
[CollectionAgeLimit(Minutes = 2)]
public sealed class RelationshipGrain(
    [FromKeyedServices("relations")] IGrainStorage storage,
    IGrainFactory grains) : Grain, IRelationshipGrain
{
    private readonly PendingImpulses pending = new();
    /// <summary>What the dyad has applied: the working state, written at checkpoints.</summary>
    private RelationshipState held = new();
    /// <summary>
    /// The dyad's stored state, read only when a run resumes (<see cref="Restore"/>) or asks an old run's series: a new
    /// run's dyads have nothing stored, and reading it on every activation cost a storage request a dyad a run.
    /// </summary>
    private StateStorageBridge<RelationshipState>? stored;
    private RelationshipSetup? setup;
    private InterruptionCalendar? calendar;
    private int[]? sampleDays;

    private RelationshipSetup Current => setup ?? throw new GrainNotReadyException($"relationship {this.GetPrimaryKeyString()} has no setup in this activation");

    private InterruptionCalendar Calendar => calendar ??= Current.Interruptions.Length == 0 ? InterruptionCalendar.Empty
        : new InterruptionCalendar(Current.Interruptions.Select(i => i.ToCalendarSpan()));

    private int[] SampleDays => sampleDays ??= [.. Current.SampleDays.Select(d => d.DayNumber)];

    private StateStorageBridge<RelationshipState> Stored => stored ??= new("relationship", GrainContext, storage);

    /// <summary>Reads the stored state into the working state (a new one when nothing is stored).</summary>
    private async Task ReadStored()
    {
        await Stored.ReadStateAsync();
        held = Stored.State ?? new RelationshipState();
    }

    /// <summary>Takes the dyad's place in the run; what it has applied so far (its state) is untouched.</summary>
    public Task Setup(RelationshipSetup relationshipSetup)
    {
        setup = relationshipSetup;
        (calendar, sampleDays) = (null, null);
        return Task.CompletedTask;
    }

    public async Task<int> Apply(int slice, OccurrenceBatch occurrences)
    {
        var setup = Current;
        var model = setup.Model;
        // A slice folded in before a resume is not applied again; its spills still go out, since receivers may need them.
        var alreadyHeld = slice <= held.AppliedThroughSlice;
        var spillDays = new int[occurrences.Count];
        var (down, up, levels) = (new double[occurrences.Count], new double[occurrences.Count], new byte[occurrences.Count]);
        var count = 0;
        for (var i = 0; i < occurrences.Count; i++)
        {
            var day = occurrences.Days[i];
            var inPerson = occurrences.InPerson[i];
            var applied = StrengthModel.Apply(occurrences.Weights[i], inPerson, inPerson ? Calendar.CancelShare(day) : 0.0, model);
            if (!applied.Applies)
            {
                if (!alreadyHeld)
                    held.Cancelled++;
                continue;
            }
            var level = occurrences.LevelOf(i);
            (spillDays[count], down[count], up[count], levels[count]) = (day, applied.SpillDown, applied.SpillUp, (byte)level);
            count++;
            if (!alreadyHeld)
            {
                held.Applied++;
                pending.Add(day, applied.Impulse, level);
                if (occurrences.TieValues[i] != 0.0)
                {
                    var until = occurrences.TieUntil[i];
                    held.StandingTies.Add(new HeldStandingTie(DateOnly.FromDayNumber(day),
                        until == int.MaxValue ? null : DateOnly.FromDayNumber(until), applied.Tie(occurrences.TieValues[i]), (byte)occurrences.TieLevelOf(i)));
                }
            }
        }

        if (count > 0 && (setup.ParentDyad is not null || setup.ChildDyads.Length > 0))
        {
            var (days, kept) = (spillDays[..count], levels[..count]);
            var deliveries = new List<Task>(1 + setup.ChildDyads.Length);
            if (setup.ParentDyad is not null)
                deliveries.Add(Relationship(setup.ParentDyad).ReceiveSpills(slice, new SpillBatch(days, up[..count]) { Levels = kept }));
            if (setup.ChildDyads.Length > 0)
            {
                var spilled = new SpillBatch(days, down[..count]) { Levels = kept };
                foreach (var child in setup.ChildDyads)
                    deliveries.Add(Relationship(child).ReceiveSpills(slice, spilled));
            }
            await Task.WhenAll(deliveries);
        }
        return alreadyHeld ? 0 : count;
    }

    public Task ReceiveSpills(int slice, SpillBatch spills)
    {
        // A slice already folded and written here was received before a resume: receiving it again would count twice.
        if (slice <= held.AppliedThroughSlice)
            return Task.CompletedTask;
        for (var i = 0; i < spills.Days.Length; i++)
            pending.Add(spills.Days[i], spills.Amounts[i], spills.LevelOf(i));
        return Task.CompletedTask;
    }

    public async Task EndSlice(int slice, DateOnly through, bool checkpoint)
    {
        if (slice > held.AppliedThroughSlice)
        {
            SweepThrough(through.DayNumber);
            held.AppliedThroughSlice = slice;
        }
        if (checkpoint)
        {
            Stored.State = held;
            await Stored.WriteStateAsync();
        }
    }

    public async Task Restore()
    {
        pending.Clear();
        await ReadStored();
    }

    public async Task<DyadSeriesData> Complete()
    {
        // A dyad of a run kept before runs kept their own results wrote its series here; it was never set up since.
        if (setup is null)
            await ReadStored();
        if (held.Series is { } done)
            return done;
        var current = Current;
        SweepThrough(int.MaxValue);
        var series = DyadSweep.Series(new Dyad(current.A, current.B),
            [.. held.Scores], [.. held.ScoresInferred], [.. held.ScoresAssumed], current.Model);
        // The run keeps the series; this activation has nothing more to do, so it goes once idle rather than in minutes.
        DeactivateOnIdle();
        return new DyadSeriesData(current.A, current.B, [.. series.Scores], [.. series.Strengths])
        {
            Reported = [.. series.Parts.Reported],
            Inferred = [.. series.Parts.Inferred],
            Assumed = [.. series.Parts.Assumed],
        };
    }

    public async Task Forget()
    {
        // Read first: this activation may be new, and a delete is conditional on the stored version.
        await Stored.ReadStateAsync();
        if (Stored.RecordExists)
            await Stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    private IRelationshipGrain Relationship(string dyadKey) =>
        grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(Current.RunId, dyadKey));

    /// <summary>Folds the held impulses dated up to <paramref name="through"/> into the sum, recording every sample day passed on the way.</summary>
    private void SweepThrough(int through)
    {
        var s = held;
        var days = SampleDays;
        // Runs checkpointed before version 1.2 hold all of R as the reported part, and no other part's scores.
        while (s.ScoresInferred.Count < s.Scores.Count)
            s.ScoresInferred.Add(0.0);
        while (s.ScoresAssumed.Count < s.Scores.Count)
            s.ScoresAssumed.Add(0.0);
        var position = new SweepPosition(s.Cursor?.DayNumber ?? int.MinValue, s.Decayed, s.DecayedInferred, s.DecayedAssumed);
        var (impulseDays, amounts, levels) = pending.TakeThrough(through);
        var standing = s.StandingTies.Select(t => StandingSpan.Of(t.Start, t.Until, t.Value, (Certainty)t.Level)).ToArray();
        var (reported, inferred, assumed) = (new double[days.Length], new double[days.Length], new double[days.Length]);
        var decay = DecayTable.Shared(Current.Model, days.Length == 0 ? 0 : days[^1] - days[0]);
        var first = s.Scores.Count;
        var next = DyadSweep.Run(ref position, impulseDays, amounts, levels, standing, Calendar, decay, days, first,
            new PartScores(reported, inferred, assumed), through);
        for (var i = first; i < next; i++)
        {
            s.Scores.Add(reported[i]);
            s.ScoresInferred.Add(inferred[i]);
            s.ScoresAssumed.Add(assumed[i]);
        }
        (s.Cursor, s.Decayed, s.DecayedInferred, s.DecayedAssumed) =
            (position.Cursor == int.MinValue ? null : DateOnly.FromDayNumber(position.Cursor), position.Reported, position.Inferred, position.Assumed);
    }
}
