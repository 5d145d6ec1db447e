using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Ensembles;

/// <summary>
/// Runs a <see cref="JobPlan"/> in this process: its units evaluated by a few threads at once,
/// folded in unit order (<see cref="OrderedWindow"/>), so the outcome has the bits a cluster's workers give.
/// </summary>
public static class JobRunner
{
    public static async Task<JobOutcome> RunAsync(
        JobPlan plan, Func<Scenario, SampleStep, int?, SeriesResult>? engine, int concurrency, IProgress<int>? progress, CancellationToken cancellation)
    {
        var evaluator = new UnitEvaluator(plan, engine);
        var fold = new JobFold(plan);
        await OrderedWindow.RunAsync(plan.Total, concurrency, (unit, _) =>
        {
            var (scores, strengths) = (new double[plan.Values], new double[plan.Values]);
            evaluator.Evaluate(unit, scores, strengths);
            return Task.FromResult((scores, strengths));
        }, (_, unit) =>
        {
            fold.Add(unit.scores, unit.strengths);
            progress?.Report(fold.Folded);
        }, cancellation);
        return fold.Outcome();
    }

    /// <summary>The same on the calling thread alone: the one-thread figure of <c>relations bench --ensemble</c>.</summary>
    public static JobOutcome Run(JobPlan plan, Func<Scenario, SampleStep, int?, SeriesResult>? engine = null)
    {
        var evaluator = new UnitEvaluator(plan, engine);
        var fold = new JobFold(plan);
        var (scores, strengths) = (new double[plan.Values], new double[plan.Values]);
        for (var unit = 0; unit < plan.Total; unit++)
        {
            evaluator.Evaluate(unit, scores, strengths);
            fold.Add(scores, strengths);
        }
        return fold.Outcome();
    }
}
