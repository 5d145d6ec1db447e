using Relations.Dashboard.Variants;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests.Variants;

public sealed class VariantYamlTests
{
    private static readonly Scenario Base = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml"));

    [Fact]
    public void Written_variant_loads_as_the_changes_it_describes()
    {
        var spec = new VariantSpec("exported-what-if", "What if \"quotes\", back\\slashes, # hashes: and\nnew lines?",
            "line one\nline two\t<b>", "border-2013-2026", "border-2013-2026.yaml",
            ["covid-19", "hekou-visits-2013-2019"],
            [
                new VariantMove("mou-2023", true, new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30), true),
                new VariantMove("youth-exchange-2023", true, new DateOnly(2024, 1, 15), new DateOnly(2024, 1, 15), false),
            ],
            [new ModelSetting("halfLifeDays", 365), new ModelSetting("spillUp", 0.125), new ModelSetting("weights.visit", 2.5)]);

        var (variant, problems) = new ScenarioLoader().CheckText("exported-what-if.yaml", VariantYaml.Write(spec), RepositoryFiles.Scenarios);

        Assert.Empty(problems);
        Assert.Equal(spec.Title, variant!.Title);
        Assert.Equal(spec.Description, variant.Description);
        Assert.Equal("border-2013-2026", variant.BaseId);
        Assert.DoesNotContain(variant.Interruptions, i => i.Id == "covid-19");
        Assert.DoesNotContain(variant.Events, e => e.Id == "hekou-visits-2013-2019");
        Assert.Equal(EventDate.Range(new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)), variant.Events.Single(e => e.Id == "mou-2023").Date);
        Assert.Equal(EventDate.Day(new DateOnly(2024, 1, 15)), variant.Events.Single(e => e.Id == "youth-exchange-2023").Date);
        Assert.Equal(365, variant.Model.HalfLifeDays);
        Assert.Equal(0.125, variant.Model.SpillUp);
        Assert.Equal(2.5, variant.Model.WeightOf("visit"));
        Assert.Equal(Base.Model.WeightOf("host"), variant.Model.WeightOf("host"));
    }

    [Fact]
    public void Variant_without_changes_replays_as_its_base()
    {
        var spec = new VariantSpec("same-as-base", "Same", null, "border-2013-2026", "border-2013-2026.yaml", [], [], []);
        var (variant, problems) = new ScenarioLoader().CheckText("same-as-base.yaml", VariantYaml.Write(spec), RepositoryFiles.Scenarios);

        Assert.Empty(problems);
        var expected = ReferenceEvaluator.Evaluate(Base);
        var actual = ReferenceEvaluator.Evaluate(variant!);
        Assert.Equal(expected.Dyads.SelectMany(d => d.Scores), actual.Dyads.SelectMany(d => d.Scores));
    }
}
