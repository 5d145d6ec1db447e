using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>What a job ends with: an ensemble's statistics, or a sweep's cells (each a replay or an ensemble).</summary>
public sealed record JobOutcome(EnsembleResult? Ensemble, SweepResult? Sweep);

/// <summary>
/// Folds the units of a <see cref="JobPlan"/> in unit order, each given cell by cell (<see cref="UnitEvaluator"/>'s
/// layout): a cell's deterministic replay first, then its draws into an <see cref="EnsembleAccumulator"/>, which is
/// dropped once the cell's statistics are taken. Nothing of a draw is kept once folded.
/// </summary>
public sealed class JobFold(JobPlan plan)
{
    private readonly EnsembleResult?[] ensembles = new EnsembleResult?[plan.CellCount];
    private readonly SeriesResult?[] replays = new SeriesResult?[plan.CellCount];
    private EnsembleAccumulator? accumulator;

    /// <summary>Units folded so far.</summary>
    public int Folded { get; private set; }

    /// <summary>Folds the next unit (unit <see cref="Folded"/>).</summary>
    public void Add(ReadOnlySpan<double> scores, ReadOnlySpan<double> strengths)
    {
        if (Folded >= plan.Total)
            throw new InvalidOperationException($"all {plan.Total} units are already folded");
        var (cell, seed) = plan.UnitOf(Folded);
        if (seed is null)
        {
            replays[cell] = Series(cell, scores, strengths);
            if (plan.Draws is { } draws)
                accumulator = new EnsembleAccumulator(replays[cell]!, draws);
        }
        else
        {
            accumulator!.Add(scores, strengths);
            if (accumulator.Folded == accumulator.Draws)
            {
                ensembles[cell] = accumulator.Result();
                accumulator = null;
            }
        }
        Folded++;
    }

    /// <summary>The outcome of every unit folded, which must be all of them.</summary>
    public JobOutcome Outcome()
    {
        if (Folded != plan.Total)
            throw new InvalidOperationException($"{Folded} of {plan.Total} units folded");
        if (plan.Grid is null)
            return new JobOutcome(ensembles[0], null);
        return new JobOutcome(null, new SweepResult(plan.Grid, [.. plan.Cells.Select(c => new SweepCellResult(c, replays[c.Index]!, ensembles[c.Index]))]));
    }

    private SeriesResult Series(int cell, ReadOnlySpan<double> scores, ReadOnlySpan<double> strengths)
    {
        var samples = plan.Dates.Count;
        var parts = plan.PartsOf(cell);
        var series = new DyadSeries[plan.Dyads.Count];
        for (var d = 0; d < series.Length; d++)
            series[d] = new DyadSeries(plan.Dyads[d], scores.Slice(d * samples, samples).ToArray(), strengths.Slice(d * samples, samples).ToArray(), parts[d]);
        return new SeriesResult(plan.ScenarioOf(cell), plan.Step, plan.Dates, series);
    }
}
