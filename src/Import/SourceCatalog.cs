using Relations.Model.Scenarios;

namespace Relations.Import;

/// <summary>
/// The sources an import cites: one per distinct address (or, without an address, per distinct title or story), each
/// with an id made from its title or address; rows that name no source cite the imported file itself.
/// </summary>
public sealed class SourceCatalog(string fileName, ImportBudget? budget = null)
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
        return Declare(key, shownTitle, publisher, null, url);
    }

    /// <summary>The id of a source known by a key of its own (an ICEWS story: publisher and story id), declared on first use.</summary>
    public string Cite(string key, string title, string? publisher, DateOnly? published)
    {
        key = "key " + key;
        return byKey.TryGetValue(key, out var known) ? known.Id : Declare(key, title, publisher, published, null);
    }

    private string Declare(string key, string title, string? publisher, DateOnly? published, string? url)
    {
        var source = new Source(ids.Claim(Ids.Slug(title, "source")), title, publisher, published, url, Origin.None);
        byKey[key] = source;
        sources.Add(source);
        budget?.Add(64 + ImportBudget.TextBytes(title) + ImportBudget.TextBytes(publisher) + ImportBudget.TextBytes(url) + source.Id.Length);
        return source.Id;
    }
}
