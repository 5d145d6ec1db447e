using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The sources an import cites: one per distinct address (or, without an address, per distinct title), each with an
/// id made from its title or address; rows that name no source cite the imported file itself.
/// </summary>
public sealed class SourceCatalog(string fileName)
{
    private readonly Dictionary<string, Source> byKey = new(StringComparer.Ordinal);
    private readonly List<Source> sources = [];
    private readonly Ids.Registry ids = new();

    public IReadOnlyList<Source> Sources => sources;

    /// <summary>The id of the source with this address or title, declared on first use.</summary>
    public string Cite(string? title, string? url)
    {
        var key = url is not null ? "url " + url : title is not null ? "title " + title : "file";
        if (byKey.TryGetValue(key, out var known))
            return known.Id;
        string shownTitle;
        string? publisher = null;
        if (url is not null)
        {
            var uri = new Uri(url);
            publisher = uri.Host;
            shownTitle = title ?? (uri.Host + uri.AbsolutePath.TrimEnd('/'));
        }
        else
        {
            shownTitle = title ?? $"{fileName} (the imported file)";
        }
        var source = new Source(ids.Claim(Ids.Slug(shownTitle, "source")), shownTitle, publisher, null, url, Origin.None);
        byKey[key] = source;
        sources.Add(source);
        return source.Id;
    }
}
