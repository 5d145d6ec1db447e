using Orleans.Runtime;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One dyad of one run. Applies arriving occurrences — cancelling in-person ones inside an applying interruption,
/// wholly or in part (model.md rule 3), taking impulses and standing ties (rules 1–2) — and passes each applied impulse's spill to
/// the parent and child dyads' grains, one call per grain per slice (rule 4). When a slice closes it folds the
/// slice's impulses into a carried decayed sum and records the samples passed; at checkpoints it writes that
/// small state. Applying is idempotent per slice, so a run can resume from its last checkpoint.
/// The math is the pure model's; this class holds identity, state and messaging.
/// </summary>
// Random placement spreads a run's many dyads over the cluster's silos (the default keeps them near their caller).
[Orleans.Placement.RandomPlacement]
public sealed class RelationshipGrain(
    [PersistentState("relationship", "relations")] IPersistentState<RelationshipState> state,
    IGrainFactory grains) : Grain, IRelationshipGrain
{
    private readonly List<(DateOnly Day, double Amount)> pending = [];
    private RelationshipSetup? setup;
    private InterruptionCalendar? calendar;

    private RelationshipSetup Current => setup ?? throw new GrainNotReadyException($"relationship {this.GetPrimaryKeyString()} has no setup in this activation");

    private InterruptionCalendar Calendar => calendar ??= new InterruptionCalendar(Current.Interruptions.Select(i => i.ToCalendarSpan()));

    /// <summary>Takes the dyad's place in the run; what it has applied so far (its state) is untouched.</summary>
    public Task Setup(RelationshipSetup relationshipSetup)
    {
        setup = relationshipSetup;
        calendar = null;
        return Task.CompletedTask;
    }

    public async Task<int> Apply(int slice, ArrivingOccurrence[] occurrences)
    {
        var setup = Current;
        var model = setup.Model;
        // A slice folded in before a resume is not applied again; its spills still go out, since receivers may need them.
        var alreadyHeld = slice <= state.State.AppliedThroughSlice;
        var key = $"{setup.A}/{setup.B}";
        var up = new List<SpilledImpulse>();
        var down = new List<SpilledImpulse>();
        var applied = 0;
        foreach (var o in occurrences)
        {
            // Rule 3 (1.1): what an interruption leaves of the occurrence scales its impulse, spills and standing tie.
            var factor = StrengthModel.AppliedFactor(o.InPerson ? EventMode.InPerson : EventMode.Online, o.Day, Calendar);
            if (factor == 0.0)
            {
                if (!alreadyHeld)
                    state.State.Cancelled++;
                continue;
            }
            var weight = o.Weight * factor;
            applied++;
            if (!alreadyHeld)
            {
                state.State.Applied++;
                pending.Add((o.Day, weight));
                if (o.HasStanding)
                    state.State.StandingTies.Add(new HeldStandingTie(o.EventId, o.Occurrence, o.Day, o.StandingUntil, o.Standing * factor));
            }
            if (setup.ParentDyad is not null)
                up.Add(new SpilledImpulse(o.EventId, o.Occurrence, o.Day, model.SpillUp * weight, false, key));
            if (setup.ChildDyads.Length > 0)
                down.Add(new SpilledImpulse(o.EventId, o.Occurrence, o.Day, model.SpillDown * weight, true, key));
        }

        var deliveries = new List<Task>();
        if (up.Count > 0 && setup.ParentDyad is not null)
            deliveries.Add(grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(setup.RunId, setup.ParentDyad)).ReceiveSpills(slice, [.. up]));
        if (down.Count > 0)
        {
            SpilledImpulse[] batch = [.. down];
            foreach (var child in setup.ChildDyads)
                deliveries.Add(grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(setup.RunId, child)).ReceiveSpills(slice, batch));
        }
        await Task.WhenAll(deliveries);
        return alreadyHeld ? 0 : applied;
    }

    public Task ReceiveSpills(int slice, SpilledImpulse[] spills)
    {
        // A slice already folded and written here was received before a resume: receiving it again would count twice.
        if (slice <= state.State.AppliedThroughSlice)
            return Task.CompletedTask;
        foreach (var s in spills)
            pending.Add((s.Day, s.Amount));
        return Task.CompletedTask;
    }

    public async Task EndSlice(int slice, DateOnly through, bool checkpoint)
    {
        if (slice > state.State.AppliedThroughSlice)
        {
            SweepThrough(through);
            state.State.AppliedThroughSlice = slice;
        }
        if (checkpoint)
            await state.WriteStateAsync();
    }

    public async Task Restore()
    {
        pending.Clear();
        await state.ReadStateAsync();
    }

    public async Task<DyadSeriesData> Complete()
    {
        if (state.State.Series is { } done)
            return done;
        var setup = Current;
        SweepThrough(DateOnly.MaxValue);
        var scores = state.State.Scores.ToArray();
        state.State.Series = new DyadSeriesData(setup.A, setup.B, scores, [.. scores.Select(r => StrengthModel.Strength(r, setup.Model))]);
        await state.WriteStateAsync();
        return state.State.Series;
    }

    /// <summary>Folds pending impulses dated up to <paramref name="through"/> into the sum, recording every sample day passed on the way.</summary>
    private void SweepThrough(DateOnly through)
    {
        var s = state.State;
        var sweep = new DecaySweep(s.Cursor, s.Decayed);
        IncrementalScore.SweepThrough(ref sweep, pending, [.. s.StandingTies.Select(t => (t.Start, t.Until, t.Value))],
            Calendar, Current.Model, Current.SampleDays, s.Scores, through);
        (s.Cursor, s.Decayed) = (sweep.Cursor, sweep.Decayed);
    }
}
