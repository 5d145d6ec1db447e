using Relations.Model.Scenarios;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// Format 1.2, optional: <c>titles:</c> and <c>descriptions:</c> give a scenario's title and description per
/// language (vi, en); <c>title</c>/<c>description</c> stay the fallback.
/// </summary>
public sealed class ScenarioTitlesTests
{
    [Fact]
    public void Scenario_titles_per_language_are_read_and_fall_back_to_title()
    {
        var scenario = LoadText(
            "id: t\ntitle: \"Tiêu đề\"\ndescription: Mô tả\n" +
            "titles: { vi: \"Tiêu đề\", en: \"A title\" }\ndescriptions:\n  en: \"A description\"\n" +
            "period: { from: 2020-01-01, to: 2020-12-31 }\n" + Cast);

        Assert.Equal("A title", scenario.TitleIn("en"));
        Assert.Equal("Tiêu đề", scenario.TitleIn("vi"));
        Assert.Equal("A description", scenario.DescriptionIn("en"));
        Assert.Equal("Mô tả", scenario.DescriptionIn("vi"));
        Assert.Equal("Tiêu đề", scenario.Title);

        var plain = Load("");
        Assert.Null(plain.Titles);
        Assert.Equal(plain.Title, plain.TitleIn("en"));
    }

    [Fact]
    public void A_language_other_than_vi_or_en_and_a_value_that_is_not_text_are_problems_with_line_and_column()
    {
        var problems = Problems(
            "id: t\ntitle: T\ntitles:\n  vi: \"Tiêu đề\"\n  fr: \"Un titre\"\ndescriptions: { en: [a, b] }\n" +
            "period: { from: 2020-01-01, to: 2020-12-31 }\n" + Cast);

        var language = Assert.Single(problems, p => p.Message.Contains("'fr'", StringComparison.Ordinal));
        Assert.Equal((5, 3), (language.At.Line, language.At.Column));
        Assert.Contains("'titles'", language.Message, StringComparison.Ordinal);
        var value = Assert.Single(problems, p => p.Message.Contains("'descriptions.en'", StringComparison.Ordinal));
        Assert.Equal(6, value.At.Line);
        Assert.Equal(2, problems.Count);
    }
}
