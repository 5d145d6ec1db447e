using System.Globalization;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Scenarios;

/// <summary>
/// Bounds on what an upload may ask the shared cluster to do. The format itself bounds the file (size, nodes,
/// aliases) but not what it expands to: one event with <c>count: 2000000000</c>, or a period of ten thousand years
/// sampled daily, is a valid scenario that would take the server's memory. Larger replays belong to
/// <c>relations replay</c> on one's own machine.
/// </summary>
public static class UploadLimits
{
    public const long MaxOccurrences = 2_000_000;
    public const long MaxSamples = 5_000_000;

    /// <summary>The problems of a valid scenario that is too large to replay here; empty when it fits.</summary>
    public static IReadOnlyList<Problem> Check(Scenario scenario, SampleStep step, string file)
    {
        var problems = new List<Problem>();
        if (SampleCoverage.Problem(scenario.Period, step) is { } noSample)
        {
            problems.Add(new Problem(new SourcePosition(file, 1, 1), noSample));
            return problems;
        }
        var (occurrences, largest, largestSize) = ScenarioTotals.Occurrences(scenario);
        if (occurrences > MaxOccurrences && largest is not null)
        {
            problems.Add(new Problem(largest.Origin[largest.Count is null ? "between" : "count"], string.Create(CultureInfo.InvariantCulture,
                $"the scenario has {occurrences:N0} event occurrences on dyads (this event alone {largestSize:N0}); the dashboard replays at most {MaxOccurrences:N0} — use `relations replay` for larger ones")));
            return problems;
        }

        // Days between samples are at least one, so this bounds the sample count before any list is built.
        var span = scenario.Period.To.DayNumber - scenario.Period.From.DayNumber + 1L;
        var samplesUpperBound = step switch
        {
            SampleStep.Day => span,
            SampleStep.Week => span / 7 + 1,
            SampleStep.Month => span / 28 + 1,
            _ => span / 365 + 1,
        };
        var dyads = DyadSet.Of(scenario, new ActorTree(scenario.Actors)).All.Count;
        if (samplesUpperBound * Math.Max(dyads, 1) > MaxSamples)
        {
            problems.Add(new Problem(new SourcePosition(file, 1, 1), string.Create(CultureInfo.InvariantCulture,
                $"the period {scenario.Period.From:yyyy-MM-dd} – {scenario.Period.To:yyyy-MM-dd} sampled by {Sampling.Name(step)} on {dyads:N0} dyads gives up to {samplesUpperBound * dyads:N0} samples; the dashboard keeps at most {MaxSamples:N0} — shorten the period or sample less often")));
        }
        return problems;
    }
}
