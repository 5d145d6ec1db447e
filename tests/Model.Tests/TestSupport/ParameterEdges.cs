using System.Globalization;
using Relations.Model.Scenarios;

namespace Relations.Model.Tests.TestSupport;

/// <summary>
/// A value just outside every range of model.md's parameter table (below, above, and not whole where it must be), and
/// of the weights', with the range a refusal must name. Shared by the model, CLI and API tests (linked into each).
/// </summary>
internal static class ParameterEdges
{
    public static IEnumerable<(string Key, string Value, string Range)> OutsideEveryRange()
    {
        foreach (var parameter in ModelParameters.Table)
        {
            var (min, max) = (parameter.Range.Min, parameter.Range.Max);
            var rule = parameter.Rule;
            yield return (parameter.Key, Text(min > 0 ? min / 2 : min - 1), rule);
            yield return (parameter.Key, Text(max * 10), rule);
            if (parameter.Whole)
                yield return (parameter.Key, Text(min + 0.5), rule);
        }
        var weights = $"from {ModelParameters.WeightRange}";
        yield return ("weights.visit", "1e308", weights);
        yield return ("weights.visit", Text(ModelParameters.WeightRange.Min - 1), weights);
    }

    public static TheoryData<string, string, string> Theory()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (key, value, range) in OutsideEveryRange())
            data.Add(key, value, range);
        return data;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
