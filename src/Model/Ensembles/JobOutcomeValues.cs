using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>
/// A job's outcome as one flat run of doubles, for storage in parts of any size, and back. For each cell of the job
/// in order: the deterministic replay's scores, then its strengths, then — with draws — the score means, score
/// deviations, strength means and each quantile of <see cref="NearestRank.Percents"/>; each block holds
/// <see cref="JobPlan.Values"/> numbers, dyad by dyad. The plan gives everything else (dyads, days, scenarios, the
/// grid, whether quantiles are estimates), so these numbers are all that has to be kept.
/// </summary>
public static class JobOutcomeValues
{
    /// <summary>Blocks of <see cref="JobPlan.Values"/> numbers per cell.</summary>
    public static int BlocksPerCell(JobPlan plan) => plan.Draws is null ? 2 : 5 + NearestRank.Percents.Count;

    public static long Count(JobPlan plan) => (long)plan.CellCount * BlocksPerCell(plan) * plan.Values;

    public static double[] Flatten(JobPlan plan, JobOutcome outcome)
    {
        var values = new double[checked((int)Count(plan))];
        var at = 0;
        for (var cell = 0; cell < plan.CellCount; cell++)
        {
            var (replay, ensemble) = outcome.Sweep is { } sweep
                ? (sweep.Cells[cell].Replay, sweep.Cells[cell].Ensemble)
                : (outcome.Ensemble!.Deterministic, outcome.Ensemble);
            Put(replay.Dyads.Select(s => s.Scores));
            Put(replay.Dyads.Select(s => s.Strengths));
            if (ensemble is not null)
            {
                Put(ensemble.Bands.Select(b => b.ScoreMean));
                Put(ensemble.Bands.Select(b => b.ScoreSd));
                Put(ensemble.Bands.Select(b => b.StrengthMean));
                for (var j = 0; j < NearestRank.Percents.Count; j++)
                    Put(ensemble.Bands.Select(b => b.Quantiles[j]));
            }
        }
        return values;

        void Put(IEnumerable<IReadOnlyList<double>> dyads)
        {
            foreach (var series in dyads)
            {
                for (var t = 0; t < series.Count; t++)
                    values[at++] = series[t];
            }
        }
    }

    public static JobOutcome Rebuild(JobPlan plan, ReadOnlySpan<double> values)
    {
        if (values.Length != Count(plan))
            throw new InvalidDataException($"a stored outcome has {values.Length} numbers where its job has {Count(plan)}");
        var (dyads, samples) = (plan.Dyads.Count, plan.Dates.Count);
        var estimated = plan.Draws is { } n && (long)n * plan.Values > EnsembleAccumulator.ExactLimit;
        var replays = new SeriesResult[plan.CellCount];
        var ensembles = new EnsembleResult?[plan.CellCount];
        var at = 0;
        for (var cell = 0; cell < plan.CellCount; cell++)
        {
            var scores = Take(values);
            var strengths = Take(values);
            var parts = plan.PartsOf(cell);
            replays[cell] = new SeriesResult(plan.ScenarioOf(cell), plan.Step, plan.Dates,
                [.. Enumerable.Range(0, dyads).Select(d => new DyadSeries(plan.Dyads[d], scores[d], strengths[d], parts[d]))]);
            if (plan.Draws is { } draws)
            {
                var (scoreMean, scoreSd, strengthMean) = (Take(values), Take(values), Take(values));
                var quantiles = new double[NearestRank.Percents.Count][][];
                for (var j = 0; j < quantiles.Length; j++)
                    quantiles[j] = Take(values);
                ensembles[cell] = new EnsembleResult(replays[cell], draws, estimated,
                    [.. Enumerable.Range(0, dyads).Select(d => new DyadBands(plan.Dyads[d], scoreMean[d], scoreSd[d], strengthMean[d], [.. quantiles.Select(q => q[d])]))]);
            }
        }
        return plan.Grid is null
            ? new JobOutcome(ensembles[0], null)
            : new JobOutcome(null, new SweepResult(plan.Grid, [.. plan.Cells.Select(c => new SweepCellResult(c, replays[c.Index], ensembles[c.Index]))]));

        double[][] Take(ReadOnlySpan<double> all)
        {
            var block = new double[dyads][];
            for (var d = 0; d < dyads; d++, at += samples)
                block[d] = all.Slice(at, samples).ToArray();
            return block;
        }
    }
}
