using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Tests.Localization;

/// <summary>
/// Finds the interface text of a page that did not come through localization: every text node and every attribute a
/// reader sees or hears (title, alt, aria-label, placeholder, a button's value), less the marked localized text
/// (<see cref="MarkingLocalizerFactory"/>), less data — text from the scenarios, ids, and what a page marks as not
/// for translation (<c>code</c>, <c>pre</c>, <c>translate="no"</c>, an element with a <c>lang</c> of its own).
/// What is left must hold no word (two letters or more).
/// </summary>
public sealed partial class InterfaceText
{
    private static readonly string[] Attributes = ["title", "alt", "aria-label", "placeholder", "aria-description"];

    /// <summary>Names no language translates: the product's and the time zone's.</summary>
    private static readonly string[] Names = ["Relations", "UTC", "ΔS"];

    private readonly List<string> data;

    /// <param name="extra">More data strings (run ids and the like).</param>
    public InterfaceText(IEnumerable<string> extra)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in extra.Concat(Names).Concat(ScenarioTexts()))
        {
            if (!string.IsNullOrWhiteSpace(s))
                strings.Add(s.Trim());
        }
        // Longest first, so a long text is removed whole before a shorter one inside it.
        data = [.. strings.OrderByDescending(s => s.Length)];
    }

    /// <summary>Each piece of unlocalized text as "where: text", empty when the page is wholly localized.</summary>
    public IReadOnlyList<string> Unlocalized(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var found = new List<string>();
        var depth = 0;
        foreach (var node in Texts(document.DocumentElement))
        {
            var kept = new StringBuilder();
            foreach (var c in node.TextContent)
            {
                if (c == MarkingLocalizerFactory.Open)
                    depth++;
                else if (c == MarkingLocalizerFactory.Close)
                    depth--;
                else if (depth == 0)
                    kept.Append(c);
            }
            if (!IsData(node.ParentElement!))
                Check(Where(node.ParentElement!), kept.ToString(), found);
        }
        foreach (var element in document.All)
        {
            foreach (var name in Attributes)
            {
                if (element.GetAttribute(name) is { } value)
                    Check($"{Where(element)}[{name}]", Unmarked(value), found);
            }
            if (element is { LocalName: "input" } && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
                Check($"{Where(element)}[value]", Unmarked(label), found);
        }
        return found;
    }

    private void Check(string where, string text, List<string> found)
    {
        foreach (var known in data)
        {
            if (text.Contains(known, StringComparison.Ordinal))
                text = text.Replace(known, " ", StringComparison.Ordinal);
        }
        if (Word().IsMatch(text))
            found.Add($"{where}: {text.Trim()}");
    }

    private static string Unmarked(string text) => MarkedSpan().Replace(text, " ");

    /// <summary>Text nodes in document order, scripts and styles left out.</summary>
    private static IEnumerable<INode> Texts(INode root)
    {
        foreach (var child in root.ChildNodes)
        {
            if (child is IElement { LocalName: "script" or "style" or "template" })
                continue;
            if (child.NodeType == NodeType.Text)
                yield return child;
            foreach (var inner in Texts(child))
                yield return inner;
        }
    }

    private static bool IsData(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "code" or "pre" or "textarea" || e.GetAttribute("translate") == "no"
                || (e.LocalName != "html" && e.HasAttribute("lang")))
                return true;
        }
        return false;
    }

    private static string Where(IElement element)
    {
        var path = new List<string>();
        for (var e = element; e is not null && path.Count < 4; e = e.ParentElement)
            path.Add(e.Id is { Length: > 0 } id ? $"{e.LocalName}#{id}" : e.LocalName);
        path.Reverse();
        return string.Join(" > ", path);
    }

    /// <summary>Every text the seed scenarios and exercises hold, as the pages may show it.</summary>
    private static IEnumerable<string> ScenarioTexts()
    {
        var loader = new ScenarioLoader();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Scenarios, "*.yaml", SearchOption.AllDirectories))
        {
            Scenario scenario;
            try
            {
                scenario = loader.Load(file);
            }
            catch (ScenarioException)
            {
                continue;
            }
            yield return scenario.Id;
            yield return scenario.Title ?? "";
            yield return scenario.Description ?? "";
            foreach (var language in new[] { "vi", "en" })
            {
                yield return scenario.TitleIn(language);
                yield return scenario.DescriptionIn(language) ?? "";
            }
            yield return Path.GetRelativePath(RepositoryFiles.Scenarios, file);
            foreach (var actor in scenario.Actors)
            {
                yield return actor.Id;
                foreach (var language in new[] { "vi", "en" })
                    yield return PlotNames.Actor(scenario, actor.Id, language);
                yield return actor.DisplayName;
            }
            foreach (var source in scenario.Sources)
            {
                yield return source.Id;
                yield return source.Title;
                yield return source.Publisher ?? "";
            }
            foreach (var ev in scenario.Events)
            {
                yield return ev.Id;
                yield return ev.Title ?? "";
                yield return ev.Note ?? "";
            }
            foreach (var interruption in scenario.Interruptions)
            {
                yield return interruption.Id;
                yield return interruption.Title ?? "";
                yield return interruption.Note ?? "";
            }
        }
    }

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    [GeneratedRegex("⟦[^⟧]*⟧")]
    private static partial Regex MarkedSpan();
}
