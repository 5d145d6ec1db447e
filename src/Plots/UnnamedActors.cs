using System.Text.RegularExpressions;
using Relations.Model.Scenarios;

namespace Relations.Plots;

/// <summary>
/// Names for the actors a source counts but does not name. The seed scenarios write them as "Lào Cai village no. 1
/// (unnamed in source)" without per-language names; in a chosen language such a name is composed from the actor's
/// kind, its number and its parent's name in that language, so a Vietnamese page does not show English words.
/// </summary>
public static partial class UnnamedActors
{
    private static readonly Dictionary<string, (string En, string Vi)> Kinds = new(StringComparer.Ordinal)
    {
        ["province"] = ("province", "Tỉnh"),
        ["region"] = ("region", "Vùng"),
        ["district"] = ("district", "Huyện"),
        ["city"] = ("city", "Thành phố"),
        ["county"] = ("county", "Huyện"),
        ["commune"] = ("commune", "Xã"),
        ["village"] = ("village", "Thôn"),
        ["border-post"] = ("border station", "Trạm biên phòng"),
        ["organization"] = ("organization", "Tổ chức"),
    };

    /// <summary>The composed name in <paramref name="language"/> (vi or en), or null when the actor is named or has no parent.</summary>
    public static string? Compose(Scenario scenario, Actor actor, string language)
    {
        if (actor.Name is null || actor.Parent is null || Unnamed().Match(actor.Name) is not { Success: true } match
            || !Kinds.TryGetValue(actor.Kind, out var kind))
            return null;
        var number = match.Groups[1].Value;
        // Vietnam's border guards keep posts (đồn), China's keep stations (trạm).
        if (actor.Kind == "border-post" && new Relations.Model.Evaluation.ActorTree(scenario.Actors).CountryOf(actor.Id) == "VN")
            kind = ("border post", "Đồn biên phòng");
        var parent = PlotNames.Actor(scenario, actor.Parent, language);
        return language switch
        {
            "vi" => $"{kind.Vi} số {number} thuộc {parent} (nguồn không nêu tên)",
            "en" => $"{parent} {kind.En} no. {number} (unnamed in source)",
            _ => null,
        };
    }

    [GeneratedRegex(@" no\. (\d+) \(unnamed in source\)$")]
    private static partial Regex Unnamed();
}
