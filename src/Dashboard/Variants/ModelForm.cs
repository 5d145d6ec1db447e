using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>
/// The model parameters a what-if may change, as the editor shows them: the rows of <see cref="ModelParameters.Table"/>
/// (label, unit, symbol; the variant reader checks each value against its row's range), then each kind's weight.
/// </summary>
public static class ModelForm
{
    /// <summary>Settings named "weights.KIND" override an event kind's weight.</summary>
    public const string WeightPrefix = ModelOverrides.WeightsPrefix;

    /// <summary>Every setting the editor shows, with its value in <paramref name="model"/>: the parameters, then each kind's weight.</summary>
    public static IEnumerable<(string Key, string Label, double Value)> Values(ModelParameters model) =>
        ModelParameters.Table.Select(p => (p.Key, Label(p), p.Get(model)))
            .Concat(model.Weights.Select(w => (WeightPrefix + w.Key, $"Weight of a '{w.Key}' event", w.Value)));

    /// <summary>"Half-life of an impulse, days (H)".</summary>
    private static string Label(ModelParameter parameter) =>
        $"{parameter.Label}, {parameter.Unit}" + (parameter.Symbol.Length > 0 ? $" ({parameter.Symbol})" : "");
}
