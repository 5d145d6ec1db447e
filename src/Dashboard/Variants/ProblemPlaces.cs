using System.Text.RegularExpressions;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>
/// Puts the problems of a generated variant file back on the editor's fields: a problem on the line of an event's
/// move or addition goes to that event's row ("row:ID"), one on a model line to that parameter. What has no field
/// stays in the general list.
/// </summary>
public static partial class ProblemPlaces
{
    public static string Row(string id) => "row:" + id;

    public static (IReadOnlyList<Problem> Unplaced, IReadOnlyDictionary<string, string> Placed) Place(IReadOnlyList<Problem> problems, string yaml)
    {
        var lines = yaml.Split('\n');
        var placed = new Dictionary<string, string>(StringComparer.Ordinal);
        var unplaced = new List<Problem>();
        foreach (var problem in problems)
        {
            var line = problem.At.Line >= 1 && problem.At.Line <= lines.Length ? lines[problem.At.Line - 1] : "";
            var field = FieldOf(line, problem.At.Column, lines.Take(problem.At.Line - 1));
            if (field is null)
                unplaced.Add(problem);
            else
                placed[field] = placed.TryGetValue(field, out var earlier) ? earlier + "; " + problem.Message : problem.Message;
        }
        return (unplaced, placed);
    }

    private static string? FieldOf(string line, int column, IEnumerable<string> before)
    {
        if (RowId().Match(line) is { Success: true } row)
            return Row(row.Groups[1].Value);
        if (line.TrimStart().StartsWith("remove:", StringComparison.Ordinal))
        {
            // The id at the column: from there to the next comma or bracket.
            var rest = line[Math.Min(Math.Max(column - 1, 0), line.Length)..];
            var id = rest.Split([',', ']', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return id is null ? null : Row(id);
        }
        if (Setting().Match(line) is { Success: true } setting)
        {
            var underWeights = before.Reverse().TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Any()
                && line.StartsWith("      ", StringComparison.Ordinal);
            return VariantForm.Model((underWeights ? ModelForm.WeightPrefix : "") + setting.Groups[1].Value);
        }
        return null;
    }

    [GeneratedRegex(@"^\s+- \{ id: ([a-z0-9][a-z0-9._-]*)")]
    private static partial Regex RowId();

    [GeneratedRegex(@"^ {4,6}([A-Za-z][A-Za-z0-9_-]*): [-0-9.eE+]+$")]
    private static partial Regex Setting();
}
