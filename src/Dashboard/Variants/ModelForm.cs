using Microsoft.Extensions.Localization;
using Relations.Dashboard.Localization;
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
    public static IEnumerable<EditorSetting> Values(ModelParameters model) =>
        ModelParameters.Table.Select(p => new EditorSetting(p.Key, p.Label, null, p.Get(model)) { Unit = p.Unit, Symbol = p.Symbol })
            .Concat(model.Weights.Select(w => new EditorSetting(WeightPrefix + w.Key, "Weight of an event of kind '{0}'", w.Key, w.Value)));
}

/// <summary>
/// A setting as the editor shows it: its key, its label (English, the key of Strings.vi.resx; with the kind for a weight,
/// with the unit, also a key, and the symbol for a parameter) and value.
/// </summary>
public sealed record EditorSetting(string Key, string LabelText, string? Kind, double Value)
{
    public string? Unit { get; init; }
    public string? Symbol { get; init; }

    /// <summary>"Half-life of an impulse, days (H)" in English.</summary>
    public string English => Kind is not null ? string.Format(System.Globalization.CultureInfo.InvariantCulture, LabelText, Kind) : Compose(LabelText, Unit);

    /// <summary>The label in the reader's language.</summary>
    public string Label(IStringLocalizer<Strings> words) =>
        Kind is not null ? words[LabelText, words.Kind(Kind)] : Compose(words[LabelText], Unit is null ? null : words[Unit].Value);

    private string Compose(string label, string? unit) =>
        label + (unit is null ? "" : ", " + unit) + (Symbol is { Length: > 0 } ? $" ({Symbol})" : "");
}
