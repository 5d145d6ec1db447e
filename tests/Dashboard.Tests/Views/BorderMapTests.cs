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
    public void A_dyad_without_strength_on_the_day_is_not_drawn()
    {
        // On the first day only the existing ties stand (shared/conventions.yaml, existing-tie): Lào Cai ↔ Yunnan,
        // which holds only what the city and the twinned pairs spill up, has nothing yet.
        var map = BorderMap.Of(Result, 0, "vi");

        Assert.Equal(0, Result.Dyads.Single(d => d.Dyad == new Dyad("lao-cai", "yunnan")).Strengths[0]);
        Assert.DoesNotContain(map.Ties, t => new Dyad(t.Vietnamese.Id, t.Partner.Id) == new Dyad("lao-cai", "yunnan"));
        Assert.NotEmpty(map.Ties);
        Assert.All(map.Ties, t => Assert.True(Math.Abs(t.Strength) >= 0.05));
    }

    [Fact]
    public void Actors_the_source_does_not_name_are_named_in_the_pages_language()
    {
        // Issue 22: the Vietnamese border view mixed "Lào Cai village no. 6 (unnamed in source)" with Vietnamese names.
        var vi = BorderMap.Of(Result, Result.Dates.Count - 1, "vi");
        Assert.Contains(vi.Left, a => a.Name.StartsWith("Thôn số 1 thuộc Lào Cai", StringComparison.Ordinal));
        Assert.Contains(vi.Right, a => a.Name.StartsWith("Trạm biên phòng số 1 thuộc Vân Nam", StringComparison.Ordinal));
        Assert.DoesNotContain(vi.Left.Concat(vi.Right), a => a.Name.Contains("unnamed", StringComparison.Ordinal));
        var en = BorderMap.Of(Result, Result.Dates.Count - 1, "en");
        Assert.Contains(en.Left, a => a.Name.StartsWith("Lao Cai village no. 1", StringComparison.Ordinal));
    }
}
