using System.Globalization;

namespace Relations.Model.Scenarios;

/// <summary>
/// Bounds on what a whole scenario expands to, checked after includes and variant changes: the event occurrences
/// on dyads (each count times the dyads of its event) stay within <see cref="Bounds.MaxOccurrences"/>, so every
/// replay's work and every sum is bounded.
/// </summary>
public static class ScenarioTotals
{
    /// <summary>The event occurrences on dyads of a scenario, and its largest event with its share.</summary>
    public static (long Total, ScenarioEvent? Largest, long LargestSize) Occurrences(Scenario scenario)
    {
        long occurrences = 0;
        ScenarioEvent? largest = null;
        long largestSize = -1;
        foreach (var ev in scenario.Events)
        {
            var size = (long)(ev.Count ?? 1) * ev.SideA.Count * ev.SideB.Count;
            occurrences += size;
            if (size > largestSize)
                (largest, largestSize) = (ev, size);
        }
        return (occurrences, largest, largestSize);
    }

    internal static void Check(Scenario scenario, List<Problem> problems)
    {
        var (occurrences, largest, largestSize) = Occurrences(scenario);
        if (occurrences > Bounds.MaxOccurrences && largest is not null)
        {
            problems.Add(new Problem(largest.Origin[largest.Count is null ? "between" : "count"], string.Create(CultureInfo.InvariantCulture,
                $"the scenario has {occurrences:N0} event occurrences on dyads (this event alone {largestSize:N0}); a scenario may have at most {Bounds.MaxOccurrences:N0}")));
        }
    }
}
