using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>
/// The runs the cluster knows, the latest first, a page at a time (?page=N), with each run's step and seed (runs of one
/// scenario differ by them). A page reads a registry page or two, however many runs are stored.
/// </summary>
public sealed class IndexModel(RunService runs) : PageModel
{
    public const int PerPage = 50;

    public IReadOnlyList<(RunSummary Summary, RunState State)> Runs { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public long Total { get; private set; }

    public long Pages => Math.Max(1, (Total + PerPage - 1) / PerPage);

    public async Task OnGetAsync(int? page)
    {
        PageNumber = Math.Max(1, page ?? 1);
        (Runs, Total) = await runs.RecentAsync((int)Math.Min(int.MaxValue, (PageNumber - 1L) * PerPage), PerPage);
    }

    public static string Step(RunSummary run) => Sampling.Name(run.Step);

    public static string Seed(RunSummary run) => run.Seed?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
