using Relations.Model.Evaluation;
using Relations.Plots;

namespace Relations.Dashboard.Views;

/// <summary>An actor in the border view: its row, indented under its parent.</summary>
public sealed record BorderActor(string Id, string Name, string Country, int Depth, double Y);

/// <summary>A tie across the border on the chosen day: its dyad's strength S there.</summary>
public sealed record BorderTie(BorderActor Vietnamese, BorderActor Partner, double Strength);

/// <summary>A country's heading on the partner side.</summary>
public sealed record BorderHeading(string Country, double Y);

/// <summary>
/// The border view: Vietnam's actors on the left, the partners' on the right grouped by country, and a line for
/// each tie across the border, as thick as its strength on the chosen sample day.
/// </summary>
public sealed record BorderMap(
    DateOnly Day,
    int SampleIndex,
    IReadOnlyList<BorderActor> Left,
    IReadOnlyList<BorderActor> Right,
    IReadOnlyList<BorderHeading> Headings,
    IReadOnlyList<BorderTie> Ties,
    double Height)
{
    public const double Width = 1000;
    public const double LeftX = 330;
    public const double RightX = 670;
    public const double RowHeight = 19;
    private const double Top = 46;

    public static BorderMap Of(SeriesResult result, int sampleIndex, string? language)
    {
        var scenario = result.Scenario;
        var tree = new ActorTree(scenario.Actors);
        var index = Math.Clamp(sampleIndex, 0, Math.Max(result.Dates.Count - 1, 0));
        var involved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in result.Dyads)
        {
            foreach (var id in new[] { series.Dyad.A, series.Dyad.B })
                involved.UnionWith(tree.SelfAndAncestors(id));
        }
        string CountryOf(string id) => tree.CountryOf(id) ?? "?";

        var left = Rows(scenario.Actors.Where(a => involved.Contains(a.Id) && CountryOf(a.Id) == "VN").Select(a => a.Id), tree, language, scenario, Top);
        var right = new List<BorderActor>();
        var headings = new List<BorderHeading>();
        var y = Top;
        foreach (var country in involved.Select(CountryOf).Where(c => c != "VN").Distinct().Order(StringComparer.Ordinal))
        {
            headings.Add(new BorderHeading(country, y));
            y += RowHeight;
            var rows = Rows(scenario.Actors.Where(a => involved.Contains(a.Id) && CountryOf(a.Id) == country).Select(a => a.Id), tree, language, scenario, y);
            right.AddRange(rows);
            y += rows.Count * RowHeight + RowHeight / 2;
        }

        var byId = left.Concat(right).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var ties = new List<BorderTie>();
        if (result.Dates.Count > 0)
        {
            foreach (var series in result.Dyads)
            {
                var (a, b) = (byId[series.Dyad.A], byId[series.Dyad.B]);
                if ((a.Country == "VN") == (b.Country == "VN"))
                    continue;
                var strength = series.Strengths[index];
                if (Math.Abs(strength) < 0.05)
                    continue;
                ties.Add(a.Country == "VN" ? new BorderTie(a, b, strength) : new BorderTie(b, a, strength));
            }
        }
        var height = Math.Max(Top + left.Count * RowHeight, y) + RowHeight;
        var day = result.Dates.Count > 0 ? result.Dates[index] : scenario.Period.From;
        return new BorderMap(day, index, left, right, headings, [.. ties.OrderBy(t => Math.Abs(t.Strength))], height);
    }

    /// <summary>Line width in pixels: 0.5 for a trace, up to 9 for S = ±100.</summary>
    public static double StrokeWidth(double strength) => 0.5 + 8.5 * Math.Abs(strength) / 100.0;

    /// <summary>A country's name for the view's headings; other codes stay codes.</summary>
    public static string CountryName(string code, string? language) => (code, language) switch
    {
        ("VN", "en") => "Vietnam",
        ("VN", _) => "Việt Nam",
        ("CN", "en") => "China",
        ("CN", _) => "Trung Quốc",
        ("LA", "en") => "Laos",
        ("LA", _) => "Lào",
        _ => code,
    };

    /// <summary>The x where a row's text ends (left side) or starts (right side), so its ties meet its name.</summary>
    public static double AnchorX(BorderActor actor, bool left) => left ? LeftX - actor.Depth * Indent : RightX + actor.Depth * Indent;

    private const double Indent = 14;

    /// <summary>Actors as rows in the order the scenario declares them, each followed by its children, depth first.</summary>
    private static List<BorderActor> Rows(IEnumerable<string> ids, ActorTree tree, string? language, Model.Scenarios.Scenario scenario, double top)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        var order = scenario.Actors.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var actors = scenario.Actors.ToDictionary(a => a.Id, StringComparer.Ordinal);
        // Children looked up once and walked with a stack, not a recursion: a parent chain thousands deep costs its
        // length, neither its square nor the thread's stack.
        var children = set.Where(c => tree.ParentOf(c) is { } p && set.Contains(p)).ToLookup(c => tree.ParentOf(c)!, StringComparer.Ordinal);
        var rows = new List<BorderActor>();
        var pending = new Stack<(string Id, int Depth)>();
        foreach (var root in set.Where(id => tree.ParentOf(id) is not { } parent || !set.Contains(parent)).OrderByDescending(id => order[id]))
            pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (id, depth) = pending.Pop();
            rows.Add(new BorderActor(id, PlotNames.Actor(scenario, actors[id], language), tree.CountryOf(id) ?? "?", depth, top + rows.Count * RowHeight));
            foreach (var child in children[id].OrderByDescending(c => order[c]))
                pending.Push((child, depth + 1));
        }
        return rows;
    }
}
