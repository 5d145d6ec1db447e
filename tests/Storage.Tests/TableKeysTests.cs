namespace Relations.Storage.Tests;

/// <summary>Partition and row keys as the official provider forms them, without a server.</summary>
public sealed class TableKeysTests
{
    [Theory]
    [InlineData("a/b", "a_b")]
    [InlineData(@"a\b", "a_b")]
    [InlineData("a#b", "a_b")]
    [InlineData("a?b", "a_b")]
    [InlineData("/\\#?", "____")]
    [InlineData("lào-cai--hà-khẩu.2013", "lào-cai--hà-khẩu.2013")]
    [InlineData("", "")]
    public void Forbidden_key_characters_become_underscores_and_the_rest_stays(string key, string expected)
    {
        Assert.Equal(expected, TableKeys.Sanitize(key));
    }

    [Fact]
    public void A_key_of_1023_characters_is_kept_and_one_of_1024_refused()
    {
        Assert.Equal(1023, TableKeys.Sanitize(new string('k', 1023)).Length);

        var exception = Assert.Throws<ArgumentException>(() => TableKeys.Sanitize(new string('k', 1024)));
        Assert.Contains("1024 characters", exception.Message);
    }

    [Fact]
    public void The_partition_key_is_the_service_id_and_grain_id_and_the_row_key_the_state_name()
    {
        var grain = GrainId.Create("relationship", "run-7/lao-cai--hekou");

        Assert.Equal("relations_relationship_run-7_lao-cai--hekou", TableKeys.PartitionKey("relations", grain));
        Assert.Equal("relationship", TableKeys.RowKey("relationship"));
    }
}
