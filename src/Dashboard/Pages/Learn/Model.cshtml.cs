using Markdig;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Relations.Dashboard.Pages.Learn;

/// <summary>docs/model.md (embedded at build) rendered as a page, for students who want the whole model.</summary>
public sealed class ModelPageModel : PageModel
{
    // Raw HTML in the markdown is escaped, not passed through: the page renders text, never markup from a file.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    private static readonly Lazy<string> Rendered = new(() =>
    {
        using var stream = typeof(ModelPageModel).Assembly.GetManifestResourceStream("Relations.Dashboard.model.md")
            ?? throw new InvalidOperationException("docs/model.md is not embedded in the dashboard");
        using var reader = new StreamReader(stream);
        return Markdown.ToHtml(reader.ReadToEnd(), Pipeline);
    });

    public string Html => Rendered.Value;
}
