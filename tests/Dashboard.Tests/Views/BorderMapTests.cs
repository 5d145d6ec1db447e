using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Tests.Views;

public sealed class BorderMapTests
{
    private static readonly SeriesResult Result =
        ReferenceEvaluator.Evaluate(new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "border-2013-2026.yaml")));

    [Fact]
    public void Vietnamese_actors_stand_left_and_each_tie_has_its_dyads_strength_on_the_day()
    {
        var index = Result.Dates.Count - 1;
        var map = BorderMap.Of(Result, index, "en");

        Assert.All(map.Left, a => Assert.Equal("VN", a.Country));
        Assert.All(map.Right, a => Assert.NotEqual("VN", a.Country));
        Assert.Equal(Result.Dates[index], map.Day);
        var crossing = Result.Dyads.Where(d => map.Ties.Any(t => new Dyad(t.Vietnamese.Id, t.Partner.Id) == d.Dyad)).ToList();
        Assert.NotEmpty(crossing);
        foreach (var tie in map.Ties)
        {
            var series = Result.Dyads.Single(d => d.Dyad == new Dyad(tie.Vietnamese.Id, tie.Partner.Id));
            Assert.Equal(series.Strengths[index], tie.Strength);
        }
        Assert.Contains(map.Left, a => a.Name == "Lao Cai");
    }

    [Fact]
    public void Before_any_event_no_tie_is_drawn()
    {
        Assert.Empty(BorderMap.Of(Result, 0, "vi").Ties);
    }
}
