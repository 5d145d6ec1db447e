using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Relations.Model.Fuzzing;

/// <summary>
/// Makes hostile variations of a scenario file's text, reproducibly from a seed: byte flips, deleted, duplicated and
/// swapped lines, values of the wrong type, huge numbers, impossible dates, unicode, deep nesting, long strings,
/// anchors and aliases, tabs, byte-order marks, CRLF, truncation, stray document markers and paths to devices.
/// Each mutant applies one to four of these, so most stay close enough to valid to reach the deeper checks.
/// </summary>
public sealed partial class ScenarioMutator(int seed) : IScenarioMutator
{
    private readonly Random random = new(seed);

    private const string Syntax = ":[]{}\"'&*!|>#%@`,-?\t\\";

    private static readonly string[] WrongTypes = ["[1, 2]", "{ a: 1 }", "", "~", "true", "\"\"", "[]", "{}", "- x", "|\n  block"];

    private static readonly string[] HugeNumbers =
        ["1e308", "-1e308", "1e309", "NaN", ".nan", ".inf", "-.inf", "99999999999999999999", "2147483648", "-2147483649", "-0", "0", "1e-320", "0x10", "1_000"];

    private static readonly string[] OddDates =
        ["0001-01-01", "9999-12-31", "2023-02-30", "2023-13-01", "10000-01-01", "1899-12-31", "2200-01-01", "2023-1-1", "2023-01-01T00:00:00Z", "20230101"];

    private static readonly string[] Unicode = ["é", "Đ", "😀", "\u202E", "\u200B", "\u0301", "\uFEFF", "\u2028", "中", "\uFFFD", "\u0000", "\u001B[31m"];

    private static readonly string[] HostileLines =
        ["include: [/dev/urandom]", "include: [/etc]", "include: [\"a\\0b\"]", "include: [../../../../etc/passwd]", "---", "...",
         "%YAML 1.1", "? [complex, key]\n: value", "<<: *missing", "!!binary abc", "key: !tag value", "    count: 2000000000",
         "model: { halfLifeDays: 1e-4 }", "model: { weights: { visit: 1e308 } }", "period: { from: 0001-01-01, to: 9999-12-31 }", "period:"];

    /// <summary>A mutant of <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var steps = 1 + random.Next(4);
        for (var i = 0; i < steps; i++)
            text = MutateOnce(text);
        return text;
    }

    private string MutateOnce(string text)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(20))
        {
            case 0:
                return FlipChar(text);
            case 1:
                if (lines.Count > 1)
                    lines.RemoveAt(line);
                break;
            case 2:
                lines.Insert(line, lines[line]);
                break;
            case 3:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 4:
                lines[line] = ReplaceValue(lines[line], Pick(WrongTypes));
                break;
            case 5:
                lines[line] = NumberPattern().Replace(lines[line], _ => Pick(HugeNumbers), 1);
                break;
            case 6:
                return DatePattern().Replace(text, _ => Pick(OddDates), 1 + random.Next(3), random.Next(Math.Max(1, text.Length)));
            case 7:
                return Insert(text, Pick(Unicode));
            case 8:
                var depth = 1 + random.Next(random.Next(2) == 0 ? 20 : 400);
                lines[line] = ReplaceValue(lines[line], new string('[', depth) + "1" + new string(']', depth));
                break;
            case 9:
                lines[line] = ReplaceValue(lines[line], "\"" + new string('x', 1 << random.Next(18)) + "\"");
                break;
            case 10:
                return Aliases(lines);
            case 11:
                lines[line] = LeadingSpaces().Replace(lines[line], m => new string('\t', 1 + m.Length / 4), 1);
                break;
            case 12:
                return random.Next(2) == 0 ? "\uFEFF" + text : Insert(text, "\uFEFF");
            case 13:
                return text.Replace("\n", "\r\n", StringComparison.Ordinal);
            case 14:
                return text[..random.Next(text.Length + 1)];
            case 15:
                lines.Insert(line, Pick(HostileLines));
                break;
            case 16:
                lines[line] = random.Next(2) == 0 ? "  " + lines[line] : lines[line].TrimStart();
                break;
            case 17:
                lines[line] = ReplaceValue(lines[line], random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture));
                break;
            case 18:
                lines[line] = ReplaceValue(lines[line], string.Join(" ", Enumerable.Repeat("word", 1 + random.Next(5000))));
                break;
            default:
                // A long flow list of ids: many keys, many references.
                lines[line] = ReplaceValue(lines[line], "[" + string.Join(", ", Enumerable.Range(0, 1 + random.Next(3000)).Select(i => $"a{i}")) + "]");
                break;
        }
        return string.Join('\n', lines);
    }

    private string FlipChar(string text)
    {
        if (text.Length == 0)
            return text;
        var builder = new StringBuilder(text);
        var at = random.Next(text.Length);
        builder[at] = random.Next(3) switch
        {
            0 => (char)random.Next(0, 128),
            1 => Syntax[random.Next(Syntax.Length)],
            _ => (char)(builder[at] ^ (1 << random.Next(7))),
        };
        return builder.ToString();
    }

    private string ReplaceValue(string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? line + " " + value : line[..(colon + 2)] + value;
    }

    private string Insert(string text, string piece) => text.Insert(random.Next(text.Length + 1), piece);

    /// <summary>Anchors a value and refers to it elsewhere, sometimes as a small alias bomb.</summary>
    private string Aliases(List<string> lines)
    {
        var at = random.Next(lines.Count);
        lines[at] = ReplaceValue(lines[at], "&x [1, 2, 3]");
        var bomb = random.Next(2) == 0;
        var use = bomb ? "b: &y [*x, *x, *x, *x, *x, *x, *x, *x]" : "*x";
        var target = random.Next(lines.Count);
        lines[target] = bomb ? lines[target] + "\n" + use : ReplaceValue(lines[target], use);
        return string.Join('\n', lines);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^ +")]
    private static partial Regex LeadingSpaces();
}
