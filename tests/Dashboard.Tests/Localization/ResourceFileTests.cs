using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>
/// The resource files (src/Dashboard/Resources/**/*.vi.resx): keys are the English text, each once (whatever its case) and in ordinal order
/// (so that helpers adding strings at once rarely touch the same lines), every Vietnamese text is there and keeps the
/// key's placeholders and markup.
/// </summary>
public sealed partial class ResourceFileTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(RepositoryFiles.Root, "src", "Dashboard", "Resources");
        foreach (var file in Directory.EnumerateFiles(root, "*.resx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_resource_file_is_ordered_complete_and_keeps_placeholders_and_markup(string file)
    {
        Assert.EndsWith(".vi.resx", file);
        var path = Path.Combine(RepositoryFiles.Root, "src", "Dashboard", "Resources", file);
        var entries = XDocument.Load(path).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? "")).ToList();
        Assert.NotEmpty(entries);
        var keys = entries.Select(e => e.Key).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        // Resource names are compared ignoring case when the file is compiled: "Why?" and "why?" are one (the second is dropped).
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var (key, value) in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{file}: '{key}' has no Vietnamese text");
            Assert.True(Placeholders(key).SequenceEqual(Placeholders(value)), $"{file}: '{key}' and its text differ in placeholders");
            Assert.True(Tags(key).SequenceEqual(Tags(value)), $"{file}: '{key}' and its text differ in markup");
        }
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

    private static IEnumerable<string> Tags(string text) =>
        Tag().Matches(text).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"</?([a-z]+)")]
    private static partial Regex Tag();
}
