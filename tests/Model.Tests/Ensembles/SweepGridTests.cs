using Relations.Model.Ensembles;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;

namespace Relations.Model.Tests.Ensembles;

/// <summary>Sweep grids: the order of the cells, every cell equal to its variant's replay, bad settings named.</summary>
public sealed class SweepGridTests
{
    private static readonly string Base = TestScenario.Text("""
        relationships:
          - [vn-city, cn-county]
        events:
          - { id: v, date: { from: 2020-02-01, to: 2020-09-30 }, count: 3, kind: visit, between: [vn-city, cn-county], source: s }
          - { id: m, date: 2021-01-10, kind: agreement, between: [vn, cn], source: s }
          - { id: x, date: 2021-05-01, kind: exchange, between: [vn, la], source: s }
        model: { weights: { exchange: 2.5 } }
        """);

    [Fact]
    public void Cells_are_the_full_grid_in_the_order_given_the_last_key_varying_fastest()
    {
        var grid = SweepGrid.Parse(["kappa=5,10", "halfLifeDays=365,540,730"]);

        var cells = grid.Cells().ToList();

        Assert.Equal(6, cells.Count);
        Assert.Equal(Enumerable.Range(0, 6), cells.Select(c => c.Index));
        Assert.Equal([[5, 365], [5, 540], [5, 730], [10, 365], [10, 540], [10, 730]], cells.Select(c => c.Values.ToArray()));
    }

    [Theory]
    [InlineData("kappa=5,10", "halfLifeDays=100", "weights.visit=1,3")]
    [InlineData("weights.exchange=0.5,-1", "agreementTermYears=1,2", "spillUp=0,0.5")]
    [InlineData("twinningStanding=1", "agreementStanding=2,9", "onlineFactor=1", "interruptionDecayMultiplier=3", "spillDown=0.5")]
    public void Every_cell_replays_exactly_as_the_variant_whose_changes_model_sets_its_values(params string[] settings)
    {
        var grid = SweepGrid.Parse(settings);
        var files = new VirtualFolder().Add("base.yaml", Base);
        var baseScenario = files.Load("base.yaml");

        foreach (var cell in grid.Cells())
        {
            var model = string.Join(", ", grid.Axes.Select((a, i) => (a.Key, Value: cell.Values[i]))
                .Where(x => !x.Key.StartsWith("weights.", StringComparison.Ordinal))
                .Select(x => $"{x.Key}: {x.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")
                .Append("weights: { " + string.Join(", ", grid.Axes.Select((a, i) => (a.Key, Value: cell.Values[i]))
                    .Where(x => x.Key.StartsWith("weights.", StringComparison.Ordinal))
                    .Select(x => $"{x.Key["weights.".Length..]}: {x.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")) + " }"));
            files.Add($"cell{cell.Index}.yaml", $"variant: cell{cell.Index}\nbase: base.yaml\nchanges:\n  model: {{ {model} }}\n");
            var variant = files.Load($"cell{cell.Index}.yaml");

            var fromCell = cell.Apply(baseScenario);
            Assert.Equal(variant.Model, fromCell.Model);
            foreach (var seed in (int?[])[null, 7])
                SeriesAssert.Same(ReferenceEvaluator.Evaluate(variant, SampleStep.Week, seed), ReferenceEvaluator.Evaluate(fromCell, SampleStep.Week, seed));
        }
    }

    [Theory]
    [InlineData("kapa=5", "kapa")]
    [InlineData("kappa=0", "kappa")]
    [InlineData("halfLifeDays=365,abc", "halfLifeDays")]
    [InlineData("spillDown=-0.1", "spillDown")]
    [InlineData("agreementTermYears=1.5", "agreementTermYears")]
    [InlineData("weights.Visit=1", "weights.Visit")]
    [InlineData("kappa", "kappa")]
    public void A_bad_setting_is_refused_naming_its_key(string setting, string key)
    {
        var error = Assert.Throws<FormatException>(() => SweepGrid.Parse([setting]));
        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused() =>
        Assert.Contains("kappa", Assert.Throws<FormatException>(() => SweepGrid.Parse(["kappa=1", "kappa=2"])).Message);
}
