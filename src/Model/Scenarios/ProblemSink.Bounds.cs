using System.Globalization;
using Relations.Model.Yaml;

namespace Relations.Model.Scenarios;

/// <summary>The range checks of <see cref="Bounds"/>, applied as values are read.</summary>
internal sealed partial class ProblemSink
{
    /// <summary>A finite number inside <paramref name="range"/>, or null with the problem reported.</summary>
    public double? Number(YamlTreeNode? node, string what, Bounds.Range range)
    {
        var value = Number(node, what);
        if (value is { } v && !range.Contains(v))
        {
            Report(node!, string.Create(CultureInfo.InvariantCulture, $"{what} must be from {range}, not {v:G}"));
            return null;
        }
        return value;
    }

    /// <summary>A value of a model parameter, or null with the problem its row of the table names (range, whole).</summary>
    public double? Parameter(YamlTreeNode? node, string what, ModelParameter parameter)
    {
        var value = Number(node, what);
        if (value is { } v && parameter.Problem(v) is { } problem)
        {
            Report(node!, $"{what} {problem}");
            return null;
        }
        return value;
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, or null with the problem reported.</summary>
    public int? Integer(YamlTreeNode? node, string what, int minimum, int maximum)
    {
        var value = Integer(node, what, minimum);
        if (value > maximum)
        {
            Report(node!, string.Create(CultureInfo.InvariantCulture, $"{what} must be at most {maximum:N0}, not {value:N0}"));
            return null;
        }
        return value;
    }

    /// <summary>Refuses a day outside the calendar window of <see cref="Bounds"/>.</summary>
    private DateOnly? InCalendar(YamlTreeNode node, string what, DateOnly date)
    {
        if (Bounds.InCalendar(date))
            return date;
        Report(node, $"{what} {date:yyyy-MM-dd} is outside the calendar a scenario may use, {Bounds.FirstDay:yyyy-MM-dd} to {Bounds.LastDay:yyyy-MM-dd}");
        return null;
    }

    /// <summary>A file path (an include or a base): text without control characters, which no file name needs.</summary>
    public string? PathText(YamlTreeNode? node, string what)
    {
        var text = Text(node, what);
        if (text is not null && text.Any(char.IsControl))
        {
            Report(node!, $"{what} '{text}' contains a control character; a path cannot");
            return null;
        }
        return text;
    }
}
