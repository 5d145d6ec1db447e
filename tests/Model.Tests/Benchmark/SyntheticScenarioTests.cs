using System.Text.RegularExpressions;
using Relations.Model.Benchmark;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Tests.Benchmark;

/// <summary>The benchmark's synthetic scenario: the sizes asked for, a valid scenario, the same one for the same seed.</summary>
public sealed partial class SyntheticScenarioTests
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdRule();

    private static DyadSet DyadsOf(Scenario scenario) => DyadSet.Of(scenario, new ActorTree(scenario.Actors));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(30, 20)]
    [InlineData(1000, 100)]
    [InlineData(5000, 777)]
    public void The_dyad_set_and_the_occurrences_have_exactly_the_sizes_asked_for(int events, int dyads)
    {
        var scenario = SyntheticScenario.Generate(events, dyads, seed: 3);

        Assert.Equal(dyads, DyadsOf(scenario).All.Count);
        Assert.Equal(events, Occurrences.Place(scenario.Events).Count);
    }

    [Fact]
    public void The_same_arguments_give_the_same_scenario()
    {
        Assert.Equal(SyntheticScenario.Generate(2000, 150, 11), SyntheticScenario.Generate(2000, 150, 11));
        Assert.NotEqual(SyntheticScenario.Generate(2000, 150, 11).Events, SyntheticScenario.Generate(2000, 150, 12).Events);
    }

    [Fact]
    public void The_scenario_keeps_the_validation_rules()
    {
        var scenario = SyntheticScenario.Generate(3000, 300, 5);
        var problems = new List<Problem>();

        ScenarioValidator.Check(scenario.Sources, scenario.Actors, scenario.Relationships, scenario.Interruptions,
            scenario.Events, scenario.Model, problems, scenario.Conventions);

        Assert.Empty(problems);
        var ids = scenario.Actors.Select(a => a.Id).Concat(scenario.Events.Select(e => e.Id))
            .Concat(scenario.Interruptions.Select(i => i.Id)).Append(scenario.Id).ToList();
        Assert.All(ids, id => Assert.Matches(IdRule(), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(scenario.Events, e => Assert.True(e.Date.From >= scenario.Period.From && e.Date.To <= scenario.Period.To));
    }

    [Fact]
    public void Locality_dyads_under_different_provinces_add_their_province_dyads_which_receive_spills()
    {
        var scenario = SyntheticScenario.Generate(2000, 200, 8);
        var actors = new ActorTree(scenario.Actors);
        var set = DyadsOf(scenario);

        var localityDyads = set.All.Where(d => actors.ParentOf(d.A) is not null && actors.ParentOf(d.B) is not null).ToList();
        Assert.NotEmpty(localityDyads);
        Assert.All(localityDyads, d => Assert.Contains(set.ParentOf(d)!.Value, set.All));
        Assert.All(set.All, d => Assert.NotEqual(actors.CountryOf(d.A), actors.CountryOf(d.B)));
        Assert.Equal(["CN", "LA", "VN"], scenario.Actors.Select(a => a.Country).OfType<string>().Distinct().Order());
    }

    [Fact]
    public void It_has_a_closure_for_all_dyads_and_closures_for_a_country_and_for_single_actors()
    {
        var scopes = SyntheticScenario.Generate(1000, 100, 1).Interruptions.Select(i => i.Scope).ToList();

        Assert.Contains(scopes, s => s.All);
        Assert.Contains(scopes, s => s.Countries.Count > 0);
        Assert.Contains(scopes, s => s.Actors.Count > 0);
    }

    [Fact]
    public void The_events_mix_kinds_modes_ranges_and_terms_like_the_article_scenarios()
    {
        var scenario = SyntheticScenario.Generate(20_000, 1000, 2);
        var occurrences = Occurrences.Place(scenario.Events);
        var online = occurrences.Count(o => o.Event.Mode == EventMode.Online) / (double)occurrences.Count;

        Assert.InRange(online, 0.05, 0.15);
        Assert.Equal(ModelParameters.Default.Weights.Select(w => w.Key).Order(), scenario.Events.Select(e => e.Kind).Distinct().Order());
        Assert.Contains(scenario.Events, e => e.Date.IsRange && e.Count > 1);
        Assert.All(scenario.Events.Where(e => e.Kind == "agreement" && e.Term?.Years is not null),
            e => Assert.InRange(e.Term!.Years!.Value, 2, 5));
        Assert.Contains(scenario.Events, e => e.SideB.Count > 1);
    }

    [Fact]
    public void Fewer_events_than_dyads_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticScenario.Generate(99, 100, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticScenario.Generate(10, 0, 0));
    }
}
