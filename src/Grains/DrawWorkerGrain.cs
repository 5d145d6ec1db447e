using Orleans.Concurrency;
using Relations.Grains.Interfaces;
using Relations.Model.Ensembles;
using Relations.Model.Telemetry;

namespace Relations.Grains;

/// <summary>
/// Evaluates batches of a job's units (<see cref="IDrawWorkerGrain"/>) with the streaming evaluator. Stateless: as many
/// activations per silo as it has processors, each keeping only the plan of the job it works for, read on its first
/// batch from the job's request grain (never from the job, which is waiting for the answer); nothing of a draw
/// outlives the answer.
/// </summary>
[StatelessWorker]
public sealed class DrawWorkerGrain(IGrainFactory grains) : Grain, IDrawWorkerGrain
{
    private (string JobId, JobPlan Plan, UnitEvaluator Evaluator)? job;
    /// <summary>One unit's scores and strengths, evaluated here before they are cut into the answer's pieces.</summary>
    private double[]? scratch;

    public async Task<UnitBatchResult> Evaluate(UnitBatch batch)
    {
        if (job is not { } known || known.JobId != batch.JobId)
        {
            var request = await grains.GetGrain<IJobRequestGrain>(batch.JobId).Get()
                ?? throw new InvalidOperationException($"job {batch.JobId} has no request");
            var plan = request.Plan();
            job = known = (batch.JobId, plan, new UnitEvaluator(plan));
        }
        var values = known.Plan.Values;
        if (scratch is null || scratch.Length < 2 * values)
            scratch = new double[2 * values];
        var pieces = new List<byte[]>(2 * batch.Count * UnitBatchResult.PiecesOf(values));
        for (var unit = 0; unit < batch.Count; unit++)
        {
            known.Evaluator.Evaluate(batch.First + unit, scratch.AsSpan(0, values), scratch.AsSpan(values, values));
            UnitBatchResult.Split(scratch.AsSpan(0, 2 * values), values, pieces);
        }
        RelationsMetrics.Draws.Add(batch.Count);
        return new UnitBatchResult(batch.First, batch.Count, [.. pieces], Environment.ProcessorCount) { Silo = RuntimeIdentity };
    }
}
