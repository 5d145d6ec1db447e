using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>The runs the cluster knows, latest first.</summary>
public sealed class IndexModel(RunService runs) : PageModel
{
    public IReadOnlyList<(RunSummary Summary, RunState State)> Runs { get; private set; } = [];

    public async Task OnGetAsync() => Runs = await runs.RecentAsync(200);
}
