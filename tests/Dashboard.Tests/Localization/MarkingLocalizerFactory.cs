using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>
/// Wraps every localized text in marks (⟦…⟧) so a test can tell localized text from text written into a page by
/// hand, and records every key that has no Vietnamese entry when the page is Vietnamese.
/// </summary>
public sealed class MarkingLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const char Open = '⟦';
    public const char Close = '⟧';

    /// <summary>"resource: key" of every string looked up in Vietnamese without a Vietnamese entry.</summary>
    public ConcurrentDictionary<string, byte> Missing { get; } = new();

    public IStringLocalizer Create(Type resourceSource) => new Marking(inner.Create(resourceSource), resourceSource.FullName!, this);

    public IStringLocalizer Create(string baseName, string location) => new Marking(inner.Create(baseName, location), baseName, this);

    private sealed class Marking(IStringLocalizer inner, string resource, MarkingLocalizerFactory owner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Mark(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Mark(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Mark(LocalizedString text)
        {
            if (text.ResourceNotFound && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi")
                owner.Missing.TryAdd($"{resource}: {text.Name}", 0);
            return new LocalizedString(text.Name, Open + text.Value + Close, text.ResourceNotFound, text.SearchedLocation);
        }
    }
}
