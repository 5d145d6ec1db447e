using System.Globalization;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;
using Relations.Model.Tests.TestSupport;
using static Relations.Model.Tests.TestSupport.TestScenario;

namespace Relations.Model.Tests.Scenarios;

/// <summary>
/// Issue 18: one table of model parameters (<see cref="ModelParameters.Table"/>) that the reader, <c>--set</c> and the
/// docs follow: the same range everywhere, named when a value is refused.
/// </summary>
public sealed class ParameterTableTests
{
    public static TheoryData<string, string, string> OutOfRange() => ParameterEdges.Theory();

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_value_out_of_range_is_refused_by_the_file_and_by_set_naming_the_key_and_its_range(string key, string value, string range)
    {
        var model = key.StartsWith(ModelOverrides.WeightsPrefix, StringComparison.Ordinal)
            ? $"model: {{ weights: {{ {key[ModelOverrides.WeightsPrefix.Length..]}: {value} }} }}"
            : $"model: {{ {key}: {value} }}";

        var problem = Assert.Single(Problems(Text(model)));
        var refused = Assert.Throws<FormatException>(() => SweepGrid.Parse([$"{key}={value}"]));

        Assert.Contains(range, problem.Message);
        Assert.Contains($"--set {key}: {value} is outside its range", refused.Message);
        Assert.Contains(range, refused.Message);
    }

    [Fact]
    public void A_value_at_either_end_of_a_range_is_taken_by_the_file_and_by_set_alike()
    {
        foreach (var parameter in ModelParameters.Table)
        {
            foreach (var value in (double[])[parameter.Range.Min, parameter.Range.Max])
            {
                var text = value.ToString("R", CultureInfo.InvariantCulture);
                var fromFile = Load("");
                var read = LoadText(Text($"model: {{ {parameter.Key}: {text} }}")).Model;
                var cell = SweepGrid.Parse([$"{parameter.Key}={text}"]).Cells().Single().Apply(fromFile).Model;
                Assert.Equal(value, parameter.Get(read));
                Assert.Equal(read, cell);
            }
        }
    }

    [Fact]
    public void Each_row_reads_and_sets_its_own_parameter_and_nothing_else()
    {
        foreach (var parameter in ModelParameters.Table)
        {
            var value = parameter.Whole ? parameter.Default + 1 : parameter.Default * 1.5 + 0.25;
            var set = parameter.Set(ModelParameters.Default, value);
            Assert.Equal(value, parameter.Get(set));
            Assert.All(ModelParameters.Table.Where(p => p != parameter), other => Assert.Equal(other.Default, other.Get(set)));
            Assert.Null(parameter.Problem(parameter.Default));
        }
        Assert.Equal(ModelParameters.Table.Count, ModelParameters.Table.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void The_docs_list_every_parameter_with_its_default_and_range()
    {
        var docs = File.ReadAllLines(RepositoryFile("docs", "model.md"));
        foreach (var parameter in ModelParameters.Table)
        {
            var row = docs.SingleOrDefault(l => l.StartsWith($"| `{parameter.Key}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/model.md has no row for {parameter.Key}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(parameter.Default.ToString("G", CultureInfo.InvariantCulture), cells[5]);
            Assert.Equal($"{parameter.Range.Min.ToString("G", CultureInfo.InvariantCulture)} … {parameter.Range.Max.ToString("G", CultureInfo.InvariantCulture)}" + (parameter.Whole ? ", whole" : ""), cells[6]);
        }
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Relations.sln")))
                return Path.Combine([folder.FullName, .. parts]);
        }
        throw new InvalidOperationException("Relations.sln not found");
    }
}
