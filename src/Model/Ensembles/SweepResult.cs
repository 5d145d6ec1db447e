using Relations.Model.Evaluation;

namespace Relations.Model.Ensembles;

/// <summary>One cell's outcome: its deterministic replay and, for a sweep with draws, its ensemble.</summary>
public sealed record SweepCellResult(SweepCell Cell, SeriesResult Replay, EnsembleResult? Ensemble)
{
    /// <summary>The strengths the sensitivity reads: the ensemble's mean with draws, else the replay's.</summary>
    public IReadOnlyList<double> StrengthsOf(int dyad) =>
        Ensemble is { } e ? e.Bands[dyad].StrengthMean : Replay.Dyads[dyad].Strengths;
}

/// <summary>A sweep's cells in grid order.</summary>
public sealed record SweepResult(SweepGrid Grid, IReadOnlyList<SweepCellResult> Cells);
