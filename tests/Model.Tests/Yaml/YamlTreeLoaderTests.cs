using System.Text;
using Relations.Model.Scenarios;
using Relations.Model.Yaml;

namespace Relations.Model.Tests.Yaml;

/// <summary>The YAML reader refuses what a scenario never needs and an attacker would use.</summary>
public sealed class YamlTreeLoaderTests
{
    private static string Nested(int levels) => "x: " + new string('[', levels) + new string(']', levels) + "\n";

    private static string BillionLaughs()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
            bomb.Append($"{c}: &{c} [{string.Join(",", Enumerable.Repeat($"*{(char)(c - 1)}", 9))}]\n");
        return bomb.ToString();
    }

    [Fact]
    public void A_billion_laughs_alias_bomb_is_refused()
    {
        // Expanded, the last line stands for 9^9 ≈ 387 million strings; the loader must refuse it, not build it.
        var result = YamlTreeLoader.LoadText(BillionLaughs());

        Assert.Null(result.Root);
        Assert.Matches("anchor|alias", result.Error);
    }

    [Fact]
    public void A_billion_laughs_file_yields_one_problem_and_no_scenario()
    {
        var (scenario, problems) = new ScenarioLoader().CheckText("bomb.yaml", BillionLaughs(), Path.GetTempPath());

        Assert.Null(scenario);
        Assert.Matches("anchor|alias", Assert.Single(problems).Message);
    }

    [Fact]
    public void Nesting_up_to_the_limit_loads()
    {
        // The root mapping is the first level.
        var result = YamlTreeLoader.LoadText(Nested(YamlTreeLoader.MaxDepth - 1));

        Assert.NotNull(result.Root);
    }

    [Fact]
    public void Nesting_one_level_deeper_than_the_limit_is_refused()
    {
        var result = YamlTreeLoader.LoadText(Nested(YamlTreeLoader.MaxDepth));

        Assert.Null(result.Root);
        Assert.Equal($"the document nests deeper than {YamlTreeLoader.MaxDepth} levels", result.Error);
        Assert.Equal((1, 4 + YamlTreeLoader.MaxDepth - 1), (result.Line, result.Column));
    }

    [Fact]
    public void Very_deep_nesting_is_refused_without_exhausting_the_stack()
    {
        var result = YamlTreeLoader.LoadText(Nested(100_000));

        Assert.Null(result.Root);
        Assert.Contains("nests deeper than", result.Error);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var result = YamlTreeLoader.LoadBytes([.. Encoding.UTF8.GetPreamble(), .. "id: t\n"u8.ToArray()]);

        var root = Assert.IsType<YamlTreeMapping>(result.Root);
        Assert.Equal("id", Assert.Single(root.Entries).Key.Value);
    }

    [Fact]
    public void A_mapping_key_must_be_a_plain_name()
    {
        var result = YamlTreeLoader.LoadText("? [a, b]\n: c\n");

        Assert.Null(result.Root);
        Assert.Equal("a mapping key must be a plain name, not a list or mapping", result.Error);
    }

    [Fact]
    public void Nodes_carry_their_line_and_column()
    {
        var root = Assert.IsType<YamlTreeMapping>(YamlTreeLoader.LoadText("id: t\nevents:\n  - { date: 2020-01-01 }\n").Root);

        var events = Assert.IsType<YamlTreeSequence>(root.Entries[1].Value);
        var first = Assert.IsType<YamlTreeMapping>(Assert.Single(events.Items));
        Assert.Equal((3, 5), (first.Line, first.Column));
        Assert.Equal((3, 13), (first.Entries[0].Value.Line, first.Entries[0].Value.Column));
    }

    [Theory]
    [InlineData("x: ~", true)]
    [InlineData("x: null", true)]
    [InlineData("x:", true)]
    [InlineData("x: \"null\"", false)]
    [InlineData("x: nothing", false)]
    public void Empty_values_read_as_null_unless_quoted(string text, bool isNull)
    {
        var root = Assert.IsType<YamlTreeMapping>(YamlTreeLoader.LoadText(text).Root);

        Assert.Equal(isNull, Assert.IsType<YamlTreeScalar>(Assert.Single(root.Entries).Value).IsNull);
    }
}
