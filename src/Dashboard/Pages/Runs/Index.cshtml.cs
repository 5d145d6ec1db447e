using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>The runs the cluster knows, latest first, with each run's step and seed (runs of one scenario differ by them).</summary>
public sealed class IndexModel(RunService runs) : PageModel
{
    private Dictionary<string, RunRequest?> requests = [];

    public IReadOnlyList<(RunSummary Summary, RunState State)> Runs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Runs = await runs.RecentAsync(200);
        var asked = await Task.WhenAll(Runs.Select(async r => (r.Summary.RunId, Request: await runs.RequestAsync(r.Summary.RunId))));
        requests = asked.ToDictionary(a => a.RunId, a => a.Request);
    }

    public string Step(string runId) => requests.GetValueOrDefault(runId) is { } request ? Sampling.Name(request.Step) : "";

    public string Seed(string runId) => requests.GetValueOrDefault(runId)?.Seed?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
