namespace Relations.Model.Scenarios;

/// <summary>The parameters of model v1 (model.md, "Parameters"), with the spec's defaults.</summary>
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
    /// The scalar keys of model.md's parameter table as files spell them (<c>weights</c> is a map and not here): the
    /// one list the reader, sweeps and the dashboard use, with the rule a value follows and how an override sets it.
    /// </summary>
    public static IReadOnlyList<ModelParameterKey> Keys { get; } =
    [
        new("halfLifeDays", ParameterRule.Positive, (o, v) => o with { HalfLifeDays = v }),
        new("interruptionDecayMultiplier", ParameterRule.NonNegative, (o, v) => o with { InterruptionDecayMultiplier = v }),
        new("kappa", ParameterRule.Positive, (o, v) => o with { Kappa = v }),
        new("onlineFactor", ParameterRule.NonNegative, (o, v) => o with { OnlineFactor = v }),
        new("spillDown", ParameterRule.NonNegative, (o, v) => o with { SpillDown = v }),
        new("spillUp", ParameterRule.NonNegative, (o, v) => o with { SpillUp = v }),
        new("agreementStanding", ParameterRule.Any, (o, v) => o with { AgreementStanding = v }),
        new("agreementTermYears", ParameterRule.WholeAtLeastOne, (o, v) => o with { AgreementTermYears = (int)v }),
        new("twinningStanding", ParameterRule.Any, (o, v) => o with { TwinningStanding = v }),
    ];

    public bool IsKnownKind(string kind) => WeightIndex.Of(Weights).ContainsKey(kind);

    public double WeightOf(string kind) => WeightIndex.Of(Weights)[kind];

    /// <summary>These parameters with a file's <c>model:</c> overrides on top.</summary>
    public ModelParameters With(ModelOverrides? overrides)
    {
        if (overrides is null)
            return this;
        var weights = WeightIndex.Merge(Weights, overrides.Weights);
        return this with
        {
            HalfLifeDays = overrides.HalfLifeDays ?? HalfLifeDays,
            InterruptionDecayMultiplier = overrides.InterruptionDecayMultiplier ?? InterruptionDecayMultiplier,
            Kappa = overrides.Kappa ?? Kappa,
            OnlineFactor = overrides.OnlineFactor ?? OnlineFactor,
            SpillDown = overrides.SpillDown ?? SpillDown,
            SpillUp = overrides.SpillUp ?? SpillUp,
            AgreementStanding = overrides.AgreementStanding ?? AgreementStanding,
            AgreementTermYears = overrides.AgreementTermYears ?? AgreementTermYears,
            TwinningStanding = overrides.TwinningStanding ?? TwinningStanding,
            Weights = weights,
        };
    }
}

/// <summary>A scalar key of the <c>model:</c> section (see <see cref="ModelParameters.Keys"/>).</summary>
public sealed record ModelParameterKey(string Name, ParameterRule Rule, Func<ModelOverrides, double, ModelOverrides> Set);

/// <summary>What values a model key takes, as the scenario reader checks them.</summary>
public enum ParameterRule
{
    Any,
    Positive,
    NonNegative,
    WholeAtLeastOne,
}

/// <summary>A file's <c>model:</c> section: only the keys it sets.</summary>
public sealed record ModelOverrides(
    double? HalfLifeDays,
    double? InterruptionDecayMultiplier,
    double? Kappa,
    double? OnlineFactor,
    double? SpillDown,
    double? SpillUp,
    double? AgreementStanding,
    int? AgreementTermYears,
    double? TwinningStanding,
    ValueList<KeyValuePair<string, double>> Weights,
    Origin Origin)
{
    /// <summary>A <c>model:</c> section that sets nothing.</summary>
    public static ModelOverrides None { get; } = new(null, null, null, null, null, null, null, null, null, ValueList.Of<KeyValuePair<string, double>>(), Origin.None);

    /// <summary>Overrides laid on top of these (a variant's <c>changes.model</c> over its base's).</summary>
    public ModelOverrides Then(ModelOverrides? later)
    {
        if (later is null)
            return this;
        var laterKinds = later.Weights.Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var weights = Weights.Where(w => !laterKinds.Contains(w.Key)).Concat(later.Weights).ToValueList();
        return new ModelOverrides(
            later.HalfLifeDays ?? HalfLifeDays,
            later.InterruptionDecayMultiplier ?? InterruptionDecayMultiplier,
            later.Kappa ?? Kappa,
            later.OnlineFactor ?? OnlineFactor,
            later.SpillDown ?? SpillDown,
            later.SpillUp ?? SpillUp,
            later.AgreementStanding ?? AgreementStanding,
            later.AgreementTermYears ?? AgreementTermYears,
            later.TwinningStanding ?? TwinningStanding,
            weights,
            later.Origin);
    }
}
