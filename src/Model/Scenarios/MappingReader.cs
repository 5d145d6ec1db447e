using System.Globalization;
using System.Text.RegularExpressions;
using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>Collects the problems of one file and turns YAML nodes into typed values, reporting each misfit once.</summary>
internal sealed partial class ProblemSink(string file)
{
    public string File { get; } = file;
    public List<Problem> Problems { get; } = [];

    public SourcePosition At(YamlTreeNode node) => new(File, node.Line, node.Column);

    public void Report(YamlTreeNode node, string message) => Problems.Add(new Problem(At(node), message));

    /// <summary>Opens a mapping, reporting it if it is something else and naming every key that is not allowed.</summary>
    public MappingReader? Mapping(YamlTreeNode? node, string what, params string[] allowed)
    {
        if (node is null)
            return null;
        if (node is not YamlTreeMapping map)
        {
            Report(node, $"{what} must be a mapping of fields, not {node.Describe()}");
            return null;
        }
        // A set when the list is long (model.weights allows every key it has), so the check stays linear.
        var allowedSet = allowed.Length > 16 ? allowed.ToHashSet(StringComparer.Ordinal) : null;
        foreach (var (key, _) in map.Entries)
        {
            if (!(allowedSet?.Contains(key.Value) ?? allowed.Contains(key.Value, StringComparer.Ordinal)))
                Report(key, $"unknown field '{key.Value}' in {what}{Suggest(key.Value, allowed)}");
        }
        return new MappingReader(this, map, what);
    }

    public YamlTreeSequence? Sequence(YamlTreeNode? node, string what)
    {
        if (node is null || node is YamlTreeScalar { IsNull: true })
            return null;
        if (node is YamlTreeSequence seq)
            return seq;
        Report(node, $"{what} must be a list, not {node.Describe()}");
        return null;
    }

    public string? Text(YamlTreeNode? node, string what)
    {
        if (node is null || node is YamlTreeScalar { IsNull: true })
            return null;
        if (node is YamlTreeScalar s)
            return s.Value;
        Report(node, $"{what} must be a single value, not {node.Describe()}");
        return null;
    }

    public string? Id(YamlTreeNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
            return null;
        if (!IdPattern().IsMatch(text))
        {
            Report(node!, $"{what} '{text}' is not a valid id: use 1 to 64 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
            return null;
        }
        return text;
    }

    public DateOnly? Date(YamlTreeNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
            return null;
        if (!DatePattern().IsMatch(text))
        {
            Report(node!, text.Length > 10 && DatePattern().IsMatch(text[..10])
                ? $"{what} '{text}' must be a calendar day YYYY-MM-DD, without a time or time zone"
                : $"{what} '{text}' is not a date: write it as YYYY-MM-DD");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(node!, $"{what} '{text}' is not a calendar date");
            return null;
        }
        return InCalendar(node!, what, date);
    }

    public double? Number(YamlTreeNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Report(node!, $"{what} '{text}' is not a number");
            return null;
        }
        return value;
    }

    public int? Integer(YamlTreeNode? node, string what, int minimum)
    {
        var text = Text(node, what);
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(node!, $"{what} '{text}' is not a whole number");
            return null;
        }
        if (value < minimum)
        {
            Report(node!, $"{what} must be at least {minimum}, not {value}");
            return null;
        }
        return value;
    }

    /// <summary>A word from a fixed list, reported with the list when it is something else.</summary>
    public string? OneOf(YamlTreeNode? node, string what, IReadOnlyList<string> words)
    {
        var text = Text(node, what);
        if (text is null)
            return null;
        if (words.Contains(text, StringComparer.Ordinal))
            return text;
        Report(node!, $"{what} '{text}' is not one of: {string.Join(", ", words)}{Suggest(text, words)}");
        return null;
    }

    public List<string> IdList(YamlTreeNode? node, string what)
    {
        var result = new List<string>();
        var seq = Sequence(node, $"'{what}'");
        if (seq is null)
            return result;
        foreach (var item in seq.Items)
        {
            if (Id(item, $"an entry of '{what}'") is { } id)
                result.Add(id);
        }
        return result;
    }

    /// <summary>Reports every id that a list declares twice in the same file.</summary>
    public void RejectDuplicateIds<T>(IEnumerable<T> items, Func<T, string> id, Func<T, Origin> origin, string what)
    {
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var at = origin(item)["id"];
            if (!seen.TryAdd(id(item), at))
                Problems.Add(new Problem(at, $"{what} id '{id(item)}' is declared twice in this file (first at line {seen[id(item)].Line})"));
        }
    }

    private static string Suggest(string word, IReadOnlyList<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: EditDistance(word, c)))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Candidate is not null && best.Distance <= (word.Length >= 4 ? 2 : 1) ? $" (did you mean '{best.Candidate}'?)" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>Whether text is a valid id of the format (1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit).</summary>
    public static bool IsId(string text) => IdPattern().IsMatch(text);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();
}

/// <summary>Reads the fields of one mapping and records where each stands in an <see cref="Origin"/>.</summary>
internal sealed class MappingReader(ProblemSink sink, YamlTreeMapping map, string what)
{
    public Origin Origin { get; } = new(sink.At(map));
    public YamlTreeMapping Node => map;
    public string What => what;

    /// <summary>The value node of a field, or null when the field is absent or written empty.</summary>
    public YamlTreeNode? Field(string key)
    {
        foreach (var (k, v) in map.Entries)
        {
            if (k.Value != key)
                continue;
            Origin.Set(key, sink.At(v));
            return v is YamlTreeScalar { IsNull: true } ? null : v;
        }
        return null;
    }

    public bool Has(string key) => Field(key) is not null;

    /// <summary>A required field's value node; reports the field as missing when absent.</summary>
    public YamlTreeNode? Required(string key)
    {
        var node = Field(key);
        if (node is null)
            sink.Report(map, $"{what} needs the field '{key}'");
        return node;
    }
}
