using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;

namespace Relations.Dashboard.Classes;

/// <summary>One student's variant on the class board: its change list, its curve (once run) and its difference from the base on the day chosen.</summary>
public sealed record BoardCurve(
    string Student,
    string VariantId,
    string? RunId,
    string Status,
    IReadOnlyList<string> Changes,
    IReadOnlyList<double>? Strengths,
    double? DifferenceAtDay,
    string? Explain);

/// <summary>
/// The trainer's class board: every student's variant of the exercise overlaid on the base for one relationship, with
/// each one's change list, its difference from the base on a chosen day, and a link to each explanation.
/// </summary>
public sealed record ClassBoard(
    ClassSessionView Session,
    Dyad? Dyad,
    DateOnly? Day,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double>? BaseStrengths,
    SeriesResult? BaseResult,
    IReadOnlyList<BoardCurve> Curves)
{
    /// <summary>
    /// Builds the board of <paramref name="session"/> for the relationship <paramref name="dyadKey"/> (else the exercise's,
    /// else the one the class's variants move most) on <paramref name="day"/> (else the exercise's, else the last sample).
    /// </summary>
    public static async Task<ClassBoard> BuildAsync(ClassSessionView session, string? dyadKey, DateOnly? day, RunService runs)
    {
        var baseResult = session.BaseRunId is { } baseRun ? await runs.ResultAsync(baseRun) : null;
        var names = session.Students.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var results = new List<(ClassVariant Variant, SeriesResult? Result)>();
        foreach (var variant in session.Variants)
            results.Add((variant, variant.RunState == RunState.Completed && variant.RunId is { } run ? await runs.ResultAsync(run) : null));
        if (baseResult is null)
        {
            return new ClassBoard(session, null, null, [], null, null,
                [.. results.Select(r => new BoardCurve(names.GetValueOrDefault(r.Variant.StudentId, "?"), r.Variant.VariantId, r.Variant.RunId,
                    Status(r.Variant.RunState), [], null, null, null))]);
        }

        var dyad = Choose(dyadKey ?? session.Info.Dyad, baseResult, results.Select(r => r.Result));
        var dates = baseResult.Dates;
        var chosenDay = day ?? session.Info.Day ?? dates[^1];
        var index = Math.Max(0, dates.Count(d => d <= chosenDay) - 1);
        var baseStrengths = baseResult.Dyads.FirstOrDefault(d => d.Dyad == dyad)?.Strengths;
        var curves = results.Select(r =>
        {
            var strengths = r.Result?.Dyads.FirstOrDefault(d => d.Dyad == dyad)?.Strengths;
            var aligned = strengths is not null && r.Result!.Dates.SequenceEqual(dates);
            return new BoardCurve(
                names.GetValueOrDefault(r.Variant.StudentId, "?"), r.Variant.VariantId, r.Variant.RunId, Status(r.Variant.RunState),
                r.Result is null ? [] : ScenarioChanges.Of(baseResult.Scenario, r.Result.Scenario),
                aligned ? strengths : null,
                aligned && baseStrengths is not null ? strengths![index] - baseStrengths[index] : null,
                // The API's link is the path within the dashboard ("/runs/…"); pages put their language's base before it.
                r.Result is null ? null : Pages.CompareModel.ExplainLink(r.Variant.RunId!, dyad, dates[index]).TrimStart('~'));
        }).ToList();
        return new ClassBoard(session, dyad, dates[index], dates, baseStrengths, baseResult, curves);
    }

    private static Dyad Choose(string? key, SeriesResult baseResult, IEnumerable<SeriesResult?> variants)
    {
        if (key is not null && RunPlots.Problem([key], baseResult) is null)
            return RunPlots.Parse([key], baseResult)[0];
        // The relationship the class's variants move furthest from the base, on any day.
        var moved = baseResult.Dyads.ToDictionary(d => d.Dyad, _ => 0.0);
        foreach (var result in variants.OfType<SeriesResult>().Where(r => r.Dates.SequenceEqual(baseResult.Dates)))
        {
            var byDyad = result.Dyads.ToDictionary(d => d.Dyad);
            foreach (var series in baseResult.Dyads)
            {
                if (byDyad.TryGetValue(series.Dyad, out var other))
                    moved[series.Dyad] += series.Strengths.Zip(other.Strengths, (a, b) => Math.Abs(a - b)).Max();
            }
        }
        return moved.Values.Any(v => v > 0)
            ? moved.OrderByDescending(m => m.Value).ThenBy(m => m.Key).First().Key
            : RunPlots.Busiest(baseResult, 1)[0];
    }

    private static string Status(RunState state) => state switch
    {
        RunState.NotStarted => "saved",
        _ => Api.RunsApi.StatusName(state),
    };
}
