using Relations.Model.Scenarios;
using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// Evaluates units of a <see cref="JobPlan"/> with one engine and lays each result out cell by cell: every dyad of
/// the job's dyads (<see cref="JobPlan.Dyads"/>, in ordinal order) with all its sample days, the form the fold and the
/// cluster's messages take. Draw i of a cell is exactly that cell's replay with seed S + i.
/// </summary>
public sealed class UnitEvaluator
{
    private readonly JobPlan plan;
    private readonly Func<Scenario, SampleStep, int?, SeriesResult> engine;
    private readonly Dictionary<Dyad, int> index;

    /// <param name="engine">An evaluator of model.md: <see cref="StreamingEvaluator.Evaluate"/> (the default) or the reference loop.</param>
    public UnitEvaluator(JobPlan plan, Func<Scenario, SampleStep, int?, SeriesResult>? engine = null)
    {
        this.plan = plan;
        this.engine = engine ?? ((scenario, step, seed) => StreamingEvaluator.Evaluate(scenario, step, seed));
        index = plan.Dyads.Select((dyad, i) => (dyad, i)).ToDictionary(x => x.dyad, x => x.i);
    }

    /// <summary>Evaluates unit <paramref name="unit"/> into <paramref name="scores"/> and <paramref name="strengths"/> (<see cref="JobPlan.Values"/> each).</summary>
    public void Evaluate(int unit, Span<double> scores, Span<double> strengths)
    {
        var (cell, seed) = plan.UnitOf(unit);
        var result = engine(plan.ScenarioOf(cell), plan.Step, seed);
        if (result.Dyads.Count != plan.Dyads.Count || result.Dates.Count != plan.Dates.Count)
            throw new InvalidOperationException($"unit {unit} has {result.Dyads.Count} dyads × {result.Dates.Count} days where the job has {plan.Dyads.Count} × {plan.Dates.Count}");
        var samples = plan.Dates.Count;
        foreach (var series in result.Dyads)
        {
            var at = index[series.Dyad] * samples;
            for (var t = 0; t < samples; t++)
            {
                scores[at + t] = series.Scores[t];
                strengths[at + t] = series.Strengths[t];
            }
        }
    }
}
