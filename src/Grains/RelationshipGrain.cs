using Orleans.Runtime;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Grains;

/// <summary>
/// One dyad of one run. Applies arriving occurrences — cancelling in-person ones inside an applying
/// interruption (model.md rule 3), holding impulses and standing ties (rules 1–2) — and passes each applied
/// impulse's spill to the parent and child dyads' grains, one call per grain per slice (rule 4).
/// The math is the pure model's; this class holds identity, state and messaging.
/// </summary>
public sealed class RelationshipGrain(
    [PersistentState("relationship", "relations")] IPersistentState<RelationshipState> state,
    IGrainFactory grains) : Grain, IRelationshipGrain
{
    private readonly List<HeldImpulse> impulses = [];
    private readonly List<HeldStandingTie> standingTies = [];
    private InterruptionCalendar? calendar;

    private RelationshipSetup Current => state.State.Setup ?? throw new InvalidOperationException($"relationship {this.GetPrimaryKeyString()} was not set up");

    private InterruptionCalendar Calendar => calendar ??= new InterruptionCalendar(
        Current.Interruptions.Select(i => new Interruption(i.Id, i.From, i.To, InterruptionScope.Everything, null, null, null, null, Origin.None)));

    public Task Setup(RelationshipSetup setup)
    {
        state.State = new RelationshipState { Setup = setup };
        impulses.Clear();
        standingTies.Clear();
        calendar = null;
        return Task.CompletedTask;
    }

    public async Task<int> Apply(ArrivingOccurrence[] occurrences)
    {
        var setup = Current;
        var model = setup.Model;
        var key = $"{setup.A}/{setup.B}";
        var up = new List<SpilledImpulse>();
        var down = new List<SpilledImpulse>();
        var applied = 0;
        foreach (var o in occurrences)
        {
            if (StrengthModel.IsCancelled(o.InPerson ? EventMode.InPerson : EventMode.Online, o.Day, Calendar))
            {
                state.State.Cancelled++;
                continue;
            }
            applied++;
            state.State.Applied++;
            impulses.Add(new HeldImpulse(o.EventId, o.Occurrence, o.Day, o.Weight, 0, null));
            if (o.HasStanding)
                standingTies.Add(new HeldStandingTie(o.EventId, o.Occurrence, o.Day, o.StandingUntil, o.Standing));
            if (setup.ParentDyad is not null)
                up.Add(new SpilledImpulse(o.EventId, o.Occurrence, o.Day, model.SpillUp * o.Weight, false, key));
            if (setup.ChildDyads.Length > 0)
                down.Add(new SpilledImpulse(o.EventId, o.Occurrence, o.Day, model.SpillDown * o.Weight, true, key));
        }

        var deliveries = new List<Task>();
        if (up.Count > 0 && setup.ParentDyad is not null)
            deliveries.Add(grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(setup.RunId, setup.ParentDyad)).ReceiveSpills([.. up]));
        if (down.Count > 0)
        {
            SpilledImpulse[] batch = [.. down];
            foreach (var child in setup.ChildDyads)
                deliveries.Add(grains.GetGrain<IRelationshipGrain>(GrainKeys.Relationship(setup.RunId, child)).ReceiveSpills(batch));
        }
        await Task.WhenAll(deliveries);
        return applied;
    }

    public Task ReceiveSpills(SpilledImpulse[] spills)
    {
        foreach (var s in spills)
            impulses.Add(new HeldImpulse(s.EventId, s.Occurrence, s.Day, s.Amount, s.Down ? (byte)1 : (byte)2, s.From));
        return Task.CompletedTask;
    }

    public async Task<DyadSeriesData> Complete(DateOnly[] sampleDays)
    {
        var setup = Current;
        var scores = ScoresOn(sampleDays);
        var strengths = scores.Select(r => StrengthModel.Strength(r, setup.Model)).ToArray();
        state.State.Series = new DyadSeriesData(setup.A, setup.B, scores, strengths);
        await state.WriteStateAsync();
        return state.State.Series;
    }

    public Task<double> ScoreOn(DateOnly day) => Task.FromResult(ScoresOn([day])[0]);

    private double[] ScoresOn(IReadOnlyList<DateOnly> days) =>
        IncrementalScore.Scores(
            impulses.Select(i => (i.Day, i.Amount)),
            [.. standingTies.Select(t => (t.Start, t.Until, t.Value))],
            Calendar,
            Current.Model,
            days);
}
