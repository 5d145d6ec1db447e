using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;
using Relations.Plots;

namespace Relations.Dashboard.Pages.Runs;

/// <summary>
/// Every relationship of a run with how much of its values rests on assumptions (issue 20), sortable by any column, so a
/// reader finds the curves that the articles support least.
/// </summary>
public sealed class AssumptionsModel(RunService runs) : PageModel
{
    /// <summary>The columns a reader may sort by, as written in the address.</summary>
    public static readonly string[] Columns = ["name", "strength", "share", "peak", "peak-share", "largest"];

    public string Id { get; private set; } = "";
    public Scenario Scenario { get; private set; } = null!;
    public DateOnly? LastDay { get; private set; }
    public IReadOnlyList<AssumptionShare> Rows { get; private set; } = [];
    public string Sort { get; private set; } = "share";
    public bool Ascending { get; private set; }
    public string Language { get; private set; } = Views.Language.Default;

    public async Task<IActionResult> OnGetAsync(string id, string? sort, string? order)
    {
        if (await runs.ResultAsync(id) is not { } result)
            return NotFound();
        (Id, Scenario, Language) = (id, result.Scenario, Views.Language.Of(HttpContext));
        LastDay = result.Dates.Count > 0 ? result.Dates[^1] : null;
        Sort = Columns.Contains(sort) ? sort! : "share";
        // Names read best A to Z; numbers largest first, unless the reader asks otherwise.
        Ascending = order is "asc" || (order is not "desc" && Sort == "name");
        var rows = AssumptionShare.All(result);
        IOrderedEnumerable<AssumptionShare> sorted = Sort switch
        {
            "name" => Order(rows, r => DyadName(r.Dyad), StringComparer.CurrentCulture),
            "strength" => Order(rows, r => r.Strength, Comparer<double>.Default),
            "peak" => Order(rows, r => r.Peak, Comparer<double>.Default),
            "peak-share" => Order(rows, r => r.ShareAtPeak, Comparer<double>.Default),
            "largest" => Order(rows, r => r.Largest, Comparer<double>.Default),
            _ => Order(rows, r => r.Share, Comparer<double>.Default),
        };
        Rows = [.. sorted.ThenBy(r => r.Dyad)];
        return Page();
    }

    public string DyadName(Dyad dyad) => PlotNames.Dyad(Scenario, dyad, Language);

    /// <summary>The address that sorts by <paramref name="column"/>: the other way round when it is the current one.</summary>
    public string SortLink(string column) =>
        $"?sort={column}&order={(column == Sort ? (Ascending ? "desc" : "asc") : column == "name" ? "asc" : "desc")}";

    /// <summary>The <c>aria-sort</c> of a column header.</summary>
    public string AriaSort(string column) => column != Sort ? "none" : Ascending ? "ascending" : "descending";

    private IOrderedEnumerable<AssumptionShare> Order<T>(IEnumerable<AssumptionShare> rows, Func<AssumptionShare, T> key, IComparer<T> comparer) =>
        Ascending ? rows.OrderBy(key, comparer) : rows.OrderByDescending(key, comparer);
}
