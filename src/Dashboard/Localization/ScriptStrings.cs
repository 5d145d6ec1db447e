using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Relations.Dashboard.Localization;

/// <summary>
/// The texts app.js shows, localized here and handed to the script as JSON in the layout (<c>#l10n</c>); the script
/// looks each up by its English key and writes no interface text of its own.
/// </summary>
public static class ScriptStrings
{
    /// <summary>Every key the script uses (its entries live in Strings.vi.resx).</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "running", "completed", "failed", "cancelled", "not started",
        "Delete? This cannot be undone.",
        "about {0} s left", "about {0} min left", "less than a second left",
        "Strength S", "Score R", "Difference ΔS", "Events", "Standing ties", "{0} % cancelled",
        "Events since the previous sample", "… and {0} more", "in-person events cancelled", "{0} % of in-person activity cancelled",
        "ties fade {0}× as fast", "Click to see why", "{0} % assumed",
    ];

    /// <summary>The keys and their texts in the request's language, as JSON that is safe inside a script element.</summary>
    public static string Json(IStringLocalizer<Strings> strings) =>
        JsonSerializer.Serialize(Keys.ToDictionary(k => k, k => strings[k].Value));
}
