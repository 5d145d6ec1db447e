using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>The model parameters a what-if may change (model.md, "Parameters"), as the editor shows them.</summary>
public static class ModelForm
{
    /// <summary>Settings named "weights.KIND" override an event kind's weight.</summary>
    public const string WeightPrefix = "weights.";

    public static IReadOnlyList<ModelParameter> Parameters { get; } =
    [
        new("halfLifeDays", "Half-life of an impulse, days (H)", m => m.HalfLifeDays),
        new("interruptionDecayMultiplier", "Fading during an interruption, × (m)", m => m.InterruptionDecayMultiplier),
        new("kappa", "Saturation κ of the strength index", m => m.Kappa),
        new("onlineFactor", "Online events count × (f)", m => m.OnlineFactor),
        new("spillDown", "Spill down to child dyads (σ↓)", m => m.SpillDown),
        new("spillUp", "Spill up to the parents' dyad (σ↑)", m => m.SpillUp),
        new("agreementStanding", "Standing tie of an agreement in force", m => m.AgreementStanding),
        new("agreementTermYears", "Default agreement term, whole years", m => m.AgreementTermYears),
        new("twinningStanding", "Standing tie of a twinning", m => m.TwinningStanding),
    ];

    /// <summary>Every setting the editor shows, with its value in <paramref name="model"/>: the parameters, then each kind's weight.</summary>
    public static IEnumerable<(string Key, string Label, double Value)> Values(ModelParameters model) =>
        Parameters.Select(p => (p.Key, p.Label, p.Get(model)))
            .Concat(model.Weights.Select(w => (WeightPrefix + w.Key, $"Weight of a '{w.Key}' event", w.Value)));
}

/// <summary>One model parameter: its key in a scenario's <c>model:</c>, a label, and how to read it.</summary>
public sealed record ModelParameter(string Key, string Label, Func<ModelParameters, double> Get);
