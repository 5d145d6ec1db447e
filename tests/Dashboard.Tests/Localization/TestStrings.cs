using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Relations.Dashboard.Localization;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>The dashboard's shared strings for unit tests, as the app builds them (in the thread's culture: the English keys).</summary>
internal static class TestStrings
{
    public static IStringLocalizer<Strings> Shared { get; } = new StringLocalizer<Strings>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
