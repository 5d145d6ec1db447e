namespace Relations.Model.Scenarios;

/// <summary>The words of <see cref="Certainty"/> as files and command lines write them.</summary>
public static class CertaintyWords
{
    /// <summary>Every word, from the most to the least certain (model.md rule 8).</summary>
    public static IReadOnlyList<string> All { get; } = ["reported", "inferred", "assumed"];

    public static string Name(Certainty certainty) => All[(int)certainty];

    public static Certainty? Parse(string? word) => All.IndexOf(word ?? "") is var i and >= 0 ? (Certainty)i : null;

    private static int IndexOf(this IReadOnlyList<string> words, string word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == word)
                return i;
        }
        return -1;
    }
}
