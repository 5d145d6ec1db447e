using System.Text.RegularExpressions;

namespace Relations.Model.Fuzzing;

/// <summary>What makes mutants of a scenario file's text, reproducibly from its seed.</summary>
public interface IScenarioMutator
{
    string Mutate(string text);
}

/// <summary>
/// A second mutator, kept apart from <see cref="ScenarioMutator"/> so a campaign can check that the fixes were not
/// fitted to one mutator: it splits files into tokens (words, numbers, punctuation, spaces) and splices in tokens
/// and whole lines from the other seed files, repeats or drops runs of tokens, and swaps indentation.
/// </summary>
public sealed partial class SpliceMutator(int seed, IReadOnlyList<string> corpus) : IScenarioMutator
{
    private readonly Random random = new(seed);
    private readonly string[][] tokens = [.. corpus.Select(text => Token().Matches(text).Select(m => m.Value).ToArray())];
    private readonly string[][] lines = [.. corpus.Select(text => text.Split('\n'))];

    public string Mutate(string text)
    {
        var own = Token().Matches(text).Select(m => m.Value).ToList();
        if (own.Count == 0)
            return text;
        var steps = 1 + random.Next(6);
        for (var i = 0; i < steps; i++)
        {
            var at = random.Next(own.Count);
            switch (random.Next(5))
            {
                case 0:
                    own[at] = Pick(Pick(tokens));
                    break;
                case 1:
                    var length = Math.Min(own.Count - at, 1 + random.Next(12));
                    own.InsertRange(at, own.GetRange(at, length));
                    break;
                case 2:
                    own.RemoveRange(at, Math.Min(own.Count - at, 1 + random.Next(12)));
                    if (own.Count == 0)
                        return "";
                    break;
                case 3:
                    own.Insert(at, "\n" + Pick(Pick(lines)) + "\n");
                    break;
                default:
                    if (own[at].Trim().Length == 0)
                        own[at] = own[at].Contains('\n') ? "\n" + new string(' ', random.Next(9)) : new string(' ', random.Next(4));
                    break;
            }
        }
        return string.Concat(own);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"\w+|\s+|[^\w\s]")]
    private static partial Regex Token();
}
