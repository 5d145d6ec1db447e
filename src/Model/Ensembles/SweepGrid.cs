using System.Globalization;
using Relations.Model.Scenarios;

namespace Relations.Model.Ensembles;

/// <summary>One swept key (<c>--set KEY=V1,V2,...</c>) and its values in the order given.</summary>
public sealed record SweepAxis(string Key, IReadOnlyList<double> Values);

/// <summary>One cell of a sweep: its 0-based index and the value of each axis, in axis order.</summary>
public sealed record SweepCell(int Index, IReadOnlyList<double> Values, ModelOverrides Overrides)
{
    /// <summary>
    /// The scenario a variant of <paramref name="scenario"/> whose <c>changes.model</c> sets this cell's values
    /// replays: its model with the overrides on top, checked as the variant would be.
    /// </summary>
    /// <exception cref="ScenarioException">The changed model breaks a rule of the scenario.</exception>
    public Scenario Apply(Scenario scenario)
    {
        var model = scenario.Model.With(Overrides);
        var problems = new List<Problem>();
        ScenarioValidator.Check(scenario.Sources, scenario.Actors, scenario.Relationships, scenario.Interruptions, scenario.Events, model, problems, scenario.Conventions);
        return problems.Count == 0 ? scenario with { Model = model } : throw new ScenarioException(problems);
    }
}

/// <summary>
/// The grid of a sweep (interfaces.md, "Sweeps"): the full product of the axes' values, the last axis varying
/// fastest. Keys are those of model.md's parameter table (<see cref="ModelParameters.Table"/>) or <c>weights.KIND</c>,
/// and every value meets the rule the scenario reader applies to the same key (its row's range; the weights' range),
/// so a sweep never replays a model that no file could hold.
/// </summary>
public sealed record SweepGrid(IReadOnlyList<SweepAxis> Axes)
{
    public long CellCount => Axes.Aggregate(1L, (n, a) => n * a.Values.Count);

    /// <summary>
    /// Reads <c>KEY=V1,V2,...</c> settings; throws <see cref="FormatException"/> naming the key of a bad one and, for a
    /// value outside it, the key's range (the CLI exits 2 with it, the API answers 400).
    /// </summary>
    public static SweepGrid Parse(IEnumerable<string> settings)
    {
        var axes = new List<SweepAxis>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"--set '{setting}' is not KEY=V1,V2,...");
            var key = setting[..equals].Trim();
            var check = RuleOf(key);
            if (axes.Any(a => a.Key == key))
                throw new FormatException($"--set {key} is given twice; list all its values in one --set");
            var values = new List<double>();
            foreach (var text in setting[(equals + 1)..].Split(','))
                values.Add(ValueOf(key, text.Trim(), check));
            axes.Add(new SweepAxis(key, values));
        }
        if (axes.Count == 0)
            throw new FormatException("a sweep needs at least one --set KEY=V1,V2,...");
        return new SweepGrid(axes);
    }

    /// <summary>Every cell, the last axis varying fastest.</summary>
    public IEnumerable<SweepCell> Cells()
    {
        var count = CellCount;
        for (var index = 0L; index < count; index++)
        {
            var values = new double[Axes.Count];
            var overrides = ModelOverrides.None;
            var rest = index;
            for (var a = Axes.Count - 1; a >= 0; a--)
            {
                values[a] = Axes[a].Values[(int)(rest % Axes[a].Values.Count)];
                rest /= Axes[a].Values.Count;
            }
            for (var a = 0; a < Axes.Count; a++)
                overrides = overrides.Setting(Axes[a].Key, values[a]);
            yield return new SweepCell((int)index, values, overrides);
        }
    }

    /// <summary>What a value of <paramref name="key"/> must be: null when allowed, else why not.</summary>
    private static Func<double, string?> RuleOf(string key)
    {
        if (key.StartsWith(ModelOverrides.WeightsPrefix, StringComparison.Ordinal))
        {
            var kind = key[ModelOverrides.WeightsPrefix.Length..];
            if (!ProblemSink.IsId(kind))
                throw new FormatException($"--set {key}: '{kind}' is not an event kind (lower-case letters, digits, '.', '_' or '-')");
            var range = ModelParameters.WeightRange;
            return value => range.Contains(value) ? null : string.Create(CultureInfo.InvariantCulture, $"must be from {range}, not {value:G}");
        }
        return ModelParameters.Find(key) is { } parameter
            ? parameter.Problem
            : throw new FormatException($"--set {key}: not a model parameter; use one of {string.Join(", ", ModelParameters.Table.Select(p => p.Key))} or weights.KIND");
    }

    private static double ValueOf(string key, string text, Func<double, string?> check)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new FormatException($"--set {key}: '{text}' is not a number");
        return check(value) is { } problem ? throw new FormatException($"--set {key}: {text} is outside its range: it {problem}") : value;
    }
}
