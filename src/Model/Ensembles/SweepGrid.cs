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
/// fastest. Keys are those of model.md's parameter table (<see cref="ModelParameters.Keys"/>) or <c>weights.KIND</c>,
/// and values follow the rules the scenario reader applies to the same keys.
/// </summary>
public sealed record SweepGrid(IReadOnlyList<SweepAxis> Axes)
{
    private const string WeightsPrefix = "weights.";

    public long CellCount => Axes.Aggregate(1L, (n, a) => n * a.Values.Count);

    /// <summary>Reads <c>KEY=V1,V2,...</c> settings; throws <see cref="FormatException"/> naming the key of a bad one.</summary>
    public static SweepGrid Parse(IEnumerable<string> settings)
    {
        var axes = new List<SweepAxis>();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0)
                throw new FormatException($"--set '{setting}' is not KEY=V1,V2,...");
            var key = setting[..equals].Trim();
            var rule = RuleOf(key);
            if (axes.Any(a => a.Key == key))
                throw new FormatException($"--set {key} is given twice; list all its values in one --set");
            var values = new List<double>();
            foreach (var text in setting[(equals + 1)..].Split(','))
                values.Add(ValueOf(key, text.Trim(), rule));
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
                overrides = Set(overrides, Axes[a].Key, values[a]);
            yield return new SweepCell((int)index, values, overrides);
        }
    }

    private static ModelOverrides Set(ModelOverrides overrides, string key, double value) =>
        key.StartsWith(WeightsPrefix, StringComparison.Ordinal)
            ? overrides with { Weights = overrides.Weights.Append(new(key[WeightsPrefix.Length..], value)).ToValueList() }
            : ModelParameters.Keys.First(k => k.Name == key).Set(overrides, value);

    private static ParameterRule RuleOf(string key)
    {
        if (key.StartsWith(WeightsPrefix, StringComparison.Ordinal))
        {
            var kind = key[WeightsPrefix.Length..];
            if (!ProblemSink.IsId(kind))
                throw new FormatException($"--set {key}: '{kind}' is not an event kind (lower-case letters, digits, '.', '_' or '-')");
            return ParameterRule.Any;
        }
        return ModelParameters.Keys.FirstOrDefault(k => k.Name == key)?.Rule
            ?? throw new FormatException($"--set {key}: not a model parameter; use one of {string.Join(", ", ModelParameters.Keys.Select(k => k.Name))} or weights.KIND");
    }

    private static double ValueOf(string key, string text, ParameterRule rule)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new FormatException($"--set {key}: '{text}' is not a number");
        var problem = rule switch
        {
            ParameterRule.Positive when value <= 0 => "must be greater than 0",
            ParameterRule.NonNegative when value < 0 => "must not be negative",
            ParameterRule.WholeAtLeastOne when value < 1 || value != Math.Floor(value) || value > int.MaxValue => "must be a whole number of at least 1",
            _ => null,
        };
        return problem is null ? value : throw new FormatException($"--set {key}: {text} {problem}");
    }
}
