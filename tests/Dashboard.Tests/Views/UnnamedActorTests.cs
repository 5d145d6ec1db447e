using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Tests.Views;

/// <summary>Actors a source counts but does not name get names composed in the reader's language.</summary>
public sealed class UnnamedActorTests
{
    private static readonly Scenario Friendship = new ScenarioLoader().Load(Path.Combine(RepositoryFiles.Scenarios, "lao-cai-yunnan-friendship.yaml"));

    [Theory]
    [InlineData("lao-cai-village-1", "vi", "Thôn số 1 thuộc Lào Cai (nguồn không nêu tên)")]
    [InlineData("lao-cai-village-1", "en", "Lao Cai village no. 1 (unnamed in source)")]
    [InlineData("yunnan-border-post-1", "vi", "Trạm biên phòng số 1 thuộc Vân Nam (nguồn không nêu tên)")]
    [InlineData("yunnan-border-post-1", "en", "Yunnan border station no. 1 (unnamed in source)")]
    public void Composes_the_name_from_kind_number_and_parent_in_that_language(string actor, string language, string expected) =>
        Assert.Equal(expected, PlotNames.Actor(Friendship, actor, language));

    [Fact]
    public void Named_actors_and_no_language_keep_the_scenario_names()
    {
        Assert.Equal("Lao Cai", PlotNames.Actor(Friendship, "lao-cai", "en"));
        Assert.Equal(Friendship.ActorById("lao-cai-village-1").Name, PlotNames.Actor(Friendship, "lao-cai-village-1"));
    }
}
