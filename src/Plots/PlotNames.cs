using System.Globalization;
using System.Text;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Plots;

/// <summary>Names, labels and file names derived from a scenario's actors and events.</summary>
public static class PlotNames
{
    /// <summary>An actor's name in the requested language, falling back to its display name.</summary>
    public static string Actor(Scenario scenario, string id, string? language = null)
    {
        var actor = scenario.Actors.FirstOrDefault(a => a.Id == id);
        return actor is null ? id : Actor(scenario, actor, language);
    }

    /// <summary>
    /// An actor of <paramref name="scenario"/> by its record: its name in the requested language, composed in that
    /// language when the source does not name it (<see cref="UnnamedActors"/>), else its display name; cut for a plot.
    /// </summary>
    public static string Actor(Scenario scenario, Actor actor, string? language = null) =>
        Shorten((language is null ? null : actor.NameIn(language) ?? UnnamedActors.Compose(scenario, actor, language)) ?? actor.DisplayName, MaxName);

    /// <summary>"Thành phố Lào Cai ↔ Huyện Hà Khẩu": the Vietnamese actor first, since the simulator is about Vietnam's ties.</summary>
    public static string Dyad(Scenario scenario, Dyad dyad, string? language = null)
    {
        var (first, second) = VietnameseFirst(scenario, dyad);
        return $"{Actor(scenario, first, language)} ↔ {Actor(scenario, second, language)}";
    }

    /// <summary>The dyad's name for a legend: as <see cref="Dyad"/>, with long names' trailing remarks in parentheses dropped.</summary>
    public static string DyadShort(Scenario scenario, Dyad dyad, string? language = null)
    {
        var (first, second) = VietnameseFirst(scenario, dyad);
        return $"{WithoutRemark(Actor(scenario, first, language))} ↔ {WithoutRemark(Actor(scenario, second, language))}";
    }

    /// <summary>The file stem of a dyad's plot: its actor ids in the model's order, "hekou--lao-cai-city", ASCII only.</summary>
    public static string FileStem(Dyad dyad) => $"{Ascii(dyad.A)}--{Ascii(dyad.B)}";

    internal static (string First, string Second) VietnameseFirst(Scenario scenario, Dyad dyad)
    {
        var tree = new ActorTree(scenario.Actors);
        string? CountryOf(string id) => tree.Contains(id) ? tree.CountryOf(id) : null;
        return CountryOf(dyad.B) == "VN" && CountryOf(dyad.A) != "VN" ? (dyad.B, dyad.A) : (dyad.A, dyad.B);
    }

    /// <summary>Longest plot title kept; a longer one is cut, as label layout costs grow faster than the text.</summary>
    public const int MaxTitle = 160;

    /// <summary>Longest line of a plot's caption kept (it wraps to about three lines).</summary>
    public const int MaxCaptionLine = 300;

    /// <summary>Longest actor name kept on a plot.</summary>
    public const int MaxName = 80;

    /// <summary>Text cut for plotting: each line at most <paramref name="max"/> characters, at most four lines.</summary>
    public static string ForPlot(string text, int max) =>
        string.Join('\n', text.Split('\n').Take(4).Select(line => Shorten(line, max)));

    /// <summary>A label of at most <paramref name="max"/> characters, cut at a word with an ellipsis.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd(' ', ',', ';', ':', '-', '+', '&', '(', '.') + "…";
    }

    /// <summary>"Lào Cai border post no. 1 (unnamed in source)" → "Lào Cai border post no. 1"; short names stay whole.</summary>
    public static string WithoutRemark(string name)
    {
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return name.Length > 24 && name.EndsWith(')') && open > 0 ? name[..open] : name;
    }

    internal static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ascii(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' ? c : '_');
        }
        return builder.Length == 0 ? "_" : builder.ToString();
    }
}
