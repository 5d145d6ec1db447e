namespace Relations.Model.Scenarios;

/// <summary>
/// Applies a variant's changes to its base in the order remove, move, add, model (scenario-format.md, "Variants"),
/// so that its result is exactly that of the scenario file the changes describe.
/// </summary>
internal static class VariantApplier
{
    public static Scenario? Apply(VariantDocument variant, Scenario baseScenario, List<Problem> problems)
    {
        var changes = variant.Changes;
        var events = baseScenario.Events.ToList();
        var interruptions = baseScenario.Interruptions.ToList();
        var before = problems.Count;

        foreach (var removed in changes.Remove)
        {
            if (events.RemoveAll(e => e.Id == removed.Id) + interruptions.RemoveAll(i => i.Id == removed.Id) == 0)
                problems.Add(new Problem(removed.Origin.Node, NotInBase("remove", removed.Id, baseScenario)));
        }

        foreach (var move in changes.Move)
        {
            var eventIndex = events.FindIndex(e => e.Id == move.Id);
            var interruptionIndex = interruptions.FindIndex(i => i.Id == move.Id);
            if (eventIndex >= 0)
            {
                if (move.From is not null || move.To is not null)
                    problems.Add(new Problem(move.Origin.Node, $"'{move.Id}' is an event: move it with 'date', not 'from'/'to'"));
                else if (move.Date is { } date)
                {
                    var ev = events[eventIndex];
                    if (ev.Count is not null && !date.IsRange)
                        problems.Add(new Problem(move.Origin["date"], $"event '{move.Id}' has a 'count', so its new date must be a range"));
                    events[eventIndex] = ev with { Date = date, Origin = move.Origin };
                }
            }
            else if (interruptionIndex >= 0)
            {
                if (move.Date is not null)
                    problems.Add(new Problem(move.Origin.Node, $"'{move.Id}' is an interruption: move it with 'from' and 'to', not 'date'"));
                else
                {
                    var old = interruptions[interruptionIndex];
                    var moved = old with { From = move.From ?? old.From, To = move.To ?? old.To };
                    if (moved.To < moved.From)
                        problems.Add(new Problem(move.Origin.Node, $"interruption '{move.Id}' would end ({moved.To:yyyy-MM-dd}) before it starts ({moved.From:yyyy-MM-dd})"));
                    interruptions[interruptionIndex] = moved;
                }
            }
            else
            {
                problems.Add(new Problem(move.Origin["id"], NotInBase("move", move.Id, baseScenario)));
            }
        }

        foreach (var added in changes.AddEvents)
        {
            if (events.Any(e => e.Id == added.Id))
                problems.Add(new Problem(added.Origin["id"], $"event '{added.Id}' already exists in the base; give the added event another id"));
            else
                events.Add(added);
        }
        foreach (var added in changes.AddInterruptions)
        {
            if (interruptions.Any(i => i.Id == added.Id))
                problems.Add(new Problem(added.Origin["id"], $"interruption '{added.Id}' already exists in the base; give the added interruption another id"));
            else
                interruptions.Add(added);
        }

        var model = baseScenario.Model.With(changes.Model);
        ScenarioValidator.Check(baseScenario.Sources, baseScenario.Actors, baseScenario.Relationships, interruptions, events, model, problems, baseScenario.Conventions);
        if (problems.Count > before)
            return null;

        return baseScenario with
        {
            Id = variant.Id,
            Title = variant.Title ?? variant.Id,
            Description = variant.Description,
            Titles = null, // a variant's title is its own (variants have no titles: of their own)
            Descriptions = null,
            Model = model,
            Interruptions = interruptions.ToValueList(),
            Events = events.ToValueList(),
            BaseId = baseScenario.Id,
        };
    }

    private static string NotInBase(string change, string id, Scenario baseScenario) =>
        $"cannot {change} '{id}': the base '{baseScenario.Id}' has no event or interruption with that id";
}
