using System.Globalization;

namespace Relations.Model.Scenarios;

/// <summary>
/// The parameters of the model (model.md, "Parameters"), with the spec's defaults, and <see cref="Table"/>: the one
/// list of them that the scenario reader, the variant applier, <c>--set</c> (sweeps, CLI and API), the what-if
/// editor's model form and the docs' test read. Adding a parameter is a property here and a row in the table.
/// </summary>
public sealed record ModelParameters
{
    public double HalfLifeDays { get; init; } = 540;
    public double InterruptionDecayMultiplier { get; init; } = 2.0;
    public double Kappa { get; init; } = 10.0;
    public double OnlineFactor { get; init; } = 0.5;
    public double SpillDown { get; init; } = 0.25;
    public double SpillUp { get; init; } = 0.10;
    public double AgreementStanding { get; init; } = 5.0;
    public int AgreementTermYears { get; init; } = 3;
    public double TwinningStanding { get; init; } = 3.0;

    /// <summary>Kind → weight: the CAMEO/Goldstein defaults of model.md with the scenario's overrides applied.</summary>
    public ValueList<KeyValuePair<string, double>> Weights { get; init; } = DefaultWeights;

    public static ValueList<KeyValuePair<string, double>> DefaultWeights { get; } =
        EventKind.Known.Select(k => new KeyValuePair<string, double>(k.Name, k.Weight)).ToValueList();

    /// <summary>The defaults of model.md (declared after <see cref="DefaultWeights"/>, which it reads).</summary>
    public static ModelParameters Default { get; } = new();

    /// <summary>
    /// Every scalar parameter of model.md as files spell it (<c>weights</c>, a map of kinds, follows <see cref="WeightRange"/>):
    /// its symbol, label, unit, the range a value must lie in (docs/reliability.md, "Bounds": wide enough for any real
    /// scenario, narrow enough that every replay stays finite), whether it is whole, and how to read and set it.
    /// </summary>
    public static IReadOnlyList<ModelParameter> Table { get; } =
    [
        new("halfLifeDays", "H", "Half-life of an impulse", "days", new(1, 1_000_000), false,
            m => m.HalfLifeDays, (m, v) => m with { HalfLifeDays = v }),
        new("interruptionDecayMultiplier", "m", "Fading during an interruption", "× as fast", new(0, 1000), false,
            m => m.InterruptionDecayMultiplier, (m, v) => m with { InterruptionDecayMultiplier = v }),
        new("kappa", "κ", "Saturation of the strength index", "score", new(0.001, 1_000_000), false,
            m => m.Kappa, (m, v) => m with { Kappa = v }),
        new("onlineFactor", "f", "Weight of an online event", "× in person", new(0, 10), false,
            m => m.OnlineFactor, (m, v) => m with { OnlineFactor = v }),
        new("spillDown", "σ↓", "Spill down to the child dyads", "× impulse", new(0, 10), false,
            m => m.SpillDown, (m, v) => m with { SpillDown = v }),
        new("spillUp", "σ↑", "Spill up to the parents' dyad", "× impulse", new(0, 10), false,
            m => m.SpillUp, (m, v) => m with { SpillUp = v }),
        new("agreementStanding", "c", "Standing tie of an agreement in force", "score", new(-1000, 1000), false,
            m => m.AgreementStanding, (m, v) => m with { AgreementStanding = v }),
        new("agreementTermYears", "", "Default term of an agreement", "years", new(1, Bounds.MaxTermYears), true,
            m => m.AgreementTermYears, (m, v) => m with { AgreementTermYears = (int)v }),
        new("twinningStanding", "c", "Standing tie of a twinning", "score", new(-1000, 1000), false,
            m => m.TwinningStanding, (m, v) => m with { TwinningStanding = v }),
    ];

    /// <summary>The range of a kind's weight (an event's <c>weight</c>, <c>model.weights</c> and <c>--set weights.KIND</c>).</summary>
    public static Bounds.Range WeightRange => Bounds.Weight;

    private static readonly Dictionary<string, ModelParameter> ByKey = Table.ToDictionary(p => p.Key, StringComparer.Ordinal);

    /// <summary>The parameter a file or <c>--set</c> names <paramref name="key"/>, or null.</summary>
    public static ModelParameter? Find(string key) => ByKey.GetValueOrDefault(key);

    public bool IsKnownKind(string kind) => WeightIndex.Of(Weights).ContainsKey(kind);

    public double WeightOf(string kind) => WeightIndex.Of(Weights)[kind];

    /// <summary>These parameters with a file's <c>model:</c> overrides on top.</summary>
    public ModelParameters With(ModelOverrides? overrides)
    {
        if (overrides is null)
            return this;
        var model = this;
        foreach (var (key, value) in overrides.Values)
            model = ByKey[key].Set(model, value);
        return model with { Weights = WeightIndex.Merge(Weights, overrides.Weights) };
    }
}

/// <summary>
/// One row of <see cref="ModelParameters.Table"/>: a parameter's key (as a file's <c>model:</c> and <c>--set</c> spell it),
/// its symbol in model.md, a label and unit for people, its range (and whether it is whole), and how to read and set it.
/// </summary>
public sealed record ModelParameter(
    string Key,
    string Symbol,
    string Label,
    string Unit,
    Bounds.Range Range,
    bool Whole,
    Func<ModelParameters, double> Get,
    Func<ModelParameters, double, ModelParameters> Set)
{
    /// <summary>The value of model.md's defaults.</summary>
    public double Default => Get(ModelParameters.Default);

    /// <summary>What a value must be, as messages say it: "from 1 to 1000000", "a whole number from 1 to 100".</summary>
    public string Rule => (Whole ? "a whole number " : "") + $"from {Range}";

    /// <summary>Null when <paramref name="value"/> is allowed; otherwise why not ("must be from 1 to 1000000, not 0.5").</summary>
    public string? Problem(double value) =>
        double.IsFinite(value) && Range.Contains(value) && (!Whole || value == Math.Floor(value))
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"must be {Rule}, not {value:G}");
}

/// <summary>A file's <c>model:</c> section: only the keys it sets (those of <see cref="ModelParameters.Table"/>) and kinds' weights.</summary>
public sealed record ModelOverrides(
    ValueList<KeyValuePair<string, double>> Values,
    ValueList<KeyValuePair<string, double>> Weights,
    Origin Origin)
{
    /// <summary>A <c>model:</c> section that sets nothing.</summary>
    public static ModelOverrides None { get; } = new([], [], Origin.None);

    /// <summary>The value set for <paramref name="key"/>, or null.</summary>
    public double? this[string key] => Values.Where(v => v.Key == key).Select(v => (double?)v.Value).LastOrDefault();

    /// <summary>These overrides with <paramref name="key"/> set to <paramref name="value"/> (a parameter's key, or <c>weights.KIND</c>).</summary>
    public ModelOverrides Setting(string key, double value) =>
        key.StartsWith(WeightsPrefix, StringComparison.Ordinal)
            ? this with { Weights = Replace(Weights, key[WeightsPrefix.Length..], value) }
            : this with { Values = Replace(Values, key, value) };

    /// <summary>How <c>--set</c> and the editor name a kind's weight: <c>weights.KIND</c>.</summary>
    public const string WeightsPrefix = "weights.";

    /// <summary>Overrides laid on top of these (a variant's <c>changes.model</c> over its base's).</summary>
    public ModelOverrides Then(ModelOverrides? later)
    {
        if (later is null)
            return this;
        var values = Values;
        foreach (var (key, value) in later.Values)
            values = Replace(values, key, value);
        var laterKinds = later.Weights.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var weights = Weights.Where(w => !laterKinds.Contains(w.Key)).Concat(later.Weights).ToValueList();
        return new ModelOverrides(values, weights, later.Origin);
    }

    private static ValueList<KeyValuePair<string, double>> Replace(ValueList<KeyValuePair<string, double>> list, string key, double value) =>
        list.Where(v => v.Key != key).Append(new(key, value)).ToValueList();
}
