using Relations.Dashboard.Localization;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>Which language a scenario's text is in, so that a page can mark it with <c>lang</c> (issue 22).</summary>
public sealed class DataTextTests
{
    [Theory]
    [InlineData("Tỉnh Đoàn Cao Bằng ↔ Đoàn thanh niên Khu tự trị dân tộc Choang Quảng Tây", "vi")]
    [InlineData("Lào Cai", "vi")]
    [InlineData("Youth-union and friendship ties of Vietnamese border provinces with Lào Cai city ↔ Hekou", "en")]
    [InlineData("9 youth visits 2013–2019", "en")]
    [InlineData("老街", "zh")]
    [InlineData("mou-2023", "en")]
    [InlineData("2023-03-21", null)]
    [InlineData("", null)]
    public void A_text_is_in_the_language_most_of_its_words_are(string text, string? language) =>
        Assert.Equal(language, DataText.Guess(text));
}
