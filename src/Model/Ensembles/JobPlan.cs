using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Ensembles;

/// <summary>
/// The evaluations an ensemble or a sweep is made of, in the order they are folded. A job has one or more cells (an
/// ensemble one; a sweep one per combination of its grid, <see cref="SweepGrid.Cells"/>); each cell is its
/// deterministic replay (unit 0 of the cell) followed by its draws, draw i replaying with seed S + i (units 1 … N).
/// Unit u of the job is unit u % <see cref="PerCell"/> of cell u / <see cref="PerCell"/>. Whoever evaluates the units
/// (one thread, or workers all over a cluster), folding them in unit order gives the same bits.
/// </summary>
public sealed class JobPlan
{
    private readonly Scenario[] cellScenarios;

    /// <param name="scenario">The scenario (with its certainty filter applied) an ensemble replays, or a sweep varies.</param>
    /// <param name="seed">S, the seed of draw 0 (ignored without draws).</param>
    /// <param name="draws">N draws per cell; null for a sweep of deterministic replays only.</param>
    /// <param name="grid">The sweep's grid; null for an ensemble, which then needs draws.</param>
    /// <exception cref="ScenarioException">A cell's model breaks a rule of the scenario.</exception>
    public JobPlan(Scenario scenario, SampleStep step, int seed, int? draws, SweepGrid? grid)
    {
        if (grid is null && draws is null)
            throw new ArgumentException("an ensemble needs draws", nameof(draws));
        if (draws is < 1)
            throw new ArgumentOutOfRangeException(nameof(draws), draws, "at least one draw");
        if (draws is { } n && EnsembleRunner.SeedOf(seed, n - 1) is null)
            throw new ArgumentOutOfRangeException(nameof(seed), $"seed {seed} + {n - 1} draws passes the largest seed");
        (Scenario, Step, Seed, Draws, Grid) = (scenario, step, seed, draws, grid);
        Cells = grid is null ? [] : [.. grid.Cells()];
        cellScenarios = grid is null ? [scenario] : [.. Cells.Select(cell => cell.Apply(scenario))];
        PerCell = 1 + (draws ?? 0);
        Total = checked(cellScenarios.Length * PerCell);
        // A sweep changes model parameters only, so every cell has the scenario's dyads and sample days.
        Dyads = [.. DyadLayout.Of(scenario).Dyads];
        Dates = Sampling.Dates(scenario.Period, step);
    }

    /// <summary>The job's dyads in ordinal order, as every unit's result lays them out.</summary>
    public IReadOnlyList<Dyad> Dyads { get; }

    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Dyads × sample days: the values of one unit's scores (or strengths).</summary>
    public int Values => Dyads.Count * Dates.Count;

    public Scenario Scenario { get; }

    public SampleStep Step { get; }

    public int Seed { get; }

    public int? Draws { get; }

    public SweepGrid? Grid { get; }

    /// <summary>The sweep's cells in grid order; empty for an ensemble.</summary>
    public IReadOnlyList<SweepCell> Cells { get; }

    /// <summary>The job's cells: 1 for an ensemble.</summary>
    public int CellCount => cellScenarios.Length;

    /// <summary>Units per cell: the deterministic replay and the draws.</summary>
    public int PerCell { get; }

    /// <summary>Units of the whole job.</summary>
    public int Total { get; }

    /// <summary>The scenario cell <paramref name="cell"/> replays (a sweep's: the variant setting that cell's values).</summary>
    public Scenario ScenarioOf(int cell) => cellScenarios[cell];

    /// <summary>
    /// The certainty parts (model.md rule 9) of a cell's deterministic replay, in the job's dyad order: units carry R and
    /// S only, so the parts of the one series that shows them are evaluated where the outcome is put together.
    /// </summary>
    public IReadOnlyList<CertaintyParts> PartsOf(int cell)
    {
        var parts = StreamingEvaluator.Evaluate(ScenarioOf(cell), Step, null).Dyads.ToDictionary(d => d.Dyad, d => d.Parts);
        return [.. Dyads.Select(d => parts[d])];
    }

    /// <summary>Unit <paramref name="unit"/>'s cell and seed (null for the cell's deterministic replay).</summary>
    public (int Cell, int? Seed) UnitOf(int unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, Total);
        var draw = unit % PerCell - 1;
        return (unit / PerCell, draw < 0 ? null : Seed + draw);
    }

    /// <summary>
    /// Consecutive units handed out together: about <paramref name="perWorker"/> batches for each of
    /// <paramref name="workers"/> workers, at most 32 units each (a batch of this scenario is tens of milliseconds) and
    /// at most <see cref="BatchBytes"/> of results, so the batches a job holds at once take the same memory however
    /// many draws it has.
    /// </summary>
    public IReadOnlyList<(int First, int Count)> Batches(int workers, int perWorker = 8)
    {
        var size = Math.Clamp(Total / Math.Max(1, workers * perWorker), 1, (int)Math.Clamp(BatchBytes / (2L * sizeof(double) * Values), 1, 32));
        var batches = new List<(int, int)>((Total + size - 1) / size);
        for (var first = 0; first < Total; first += size)
            batches.Add((first, Math.Min(size, Total - first)));
        return batches;
    }

    /// <summary>The most bytes of results a batch of several units carries (1 MiB).</summary>
    public const long BatchBytes = 1 << 20;
}
