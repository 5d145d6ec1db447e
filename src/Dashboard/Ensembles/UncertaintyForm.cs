using System.Globalization;
using Relations.Model.Ensembles;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Ensembles;

/// <summary>What the ensemble and sweep forms of the pages ask for: draws, a seed, and for a sweep up to three parameters with their values.</summary>
/// <param name="Settings">A sweep's <c>KEY=V1,V2,...</c> settings; empty for an ensemble.</param>
public sealed record UncertaintyRequest(int? Draws, int Seed, IReadOnlyList<string> Settings);

/// <summary>
/// Reads the ensemble and sweep form (the start page's and the what-if editor's): each problem a plain sentence
/// keyed by its field, so the page shows it there and answers 400.
/// </summary>
public static class UncertaintyForm
{
    public const string Draws = "u-draws";
    public const string Seed = "u-seed";
    public const int Rows = 3;
    public const int DefaultDraws = 200;

    public static string Key(int row) => $"u-key{row}";
    public static string Values(int row) => $"u-values{row}";

    /// <summary>The parameters a sweep may vary: model.md's table and one weight per event kind.</summary>
    public static IReadOnlyList<string> Parameters(ModelParameters model) =>
        [.. ModelParameters.Table.Select(p => p.Key), .. model.Weights.Select(w => ModelOverrides.WeightsPrefix + w.Key)];

    /// <summary>Reads the form; <paramref name="sweep"/> says whether a sweep (needing parameters) or an ensemble (needing draws) is asked for.</summary>
    public static (UncertaintyRequest? Request, Dictionary<string, string> Problems) Read(IFormCollection form, bool sweep)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        int? draws = null;
        var drawsText = form[Draws].ToString().Trim();
        if (drawsText.Length > 0 || !sweep)
        {
            if (int.TryParse(drawsText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= JobService.MaxRuns)
                draws = n;
            else
                problems[Draws] = $"The number of draws must be a whole number from 1 to {JobService.MaxRuns:N0}" + (sweep ? ", or empty for one deterministic run per cell." : ".");
        }
        var seed = 0;
        var seedText = form[Seed].ToString().Trim();
        if (seedText.Length > 0 && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            problems[Seed] = $"The seed '{seedText}' is not a whole number.";
        else if (draws is { } d && EnsembleRunner.SeedOf(seed, d - 1) is null)
            problems[Seed] = $"With {d} draws the seed {seed} passes the largest seed; choose a smaller one.";
        if (!sweep)
            return (problems.Count == 0 ? new UncertaintyRequest(draws, seed, []) : null, problems);

        var settings = new List<string>();
        for (var row = 0; row < Rows; row++)
        {
            var key = form[Key(row)].ToString().Trim();
            var values = form[Values(row)].ToString().Trim();
            if (key.Length == 0 || values.Length == 0)
            {
                if (key.Length > 0 && row == 0 || values.Length > 0)
                    problems[Values(row)] = values.Length == 0 ? $"Enter the values of {key} to try, separated by commas (e.g. 365, 540, 730)." : "Choose the parameter these values are for.";
                continue;
            }
            try
            {
                SweepGrid.Parse([$"{key}={values}"]);
                settings.Add($"{key}={values}");
            }
            catch (FormatException ex)
            {
                problems[Values(row)] = Sentence(ex.Message);
            }
        }
        SweepGrid? grid = null;
        if (settings.Count == 0 && problems.Keys.All(k => !k.StartsWith("u-values", StringComparison.Ordinal)))
            problems[Values(0)] = "Choose at least one parameter and the values to try, separated by commas (e.g. kappa: 5, 10).";
        else if (settings.Count > 0)
        {
            try
            {
                grid = SweepGrid.Parse(settings);
                if (grid.CellCount * (draws ?? 1) > JobService.MaxRuns)
                    problems[Values(0)] = $"{grid.CellCount} combinations × {draws ?? 1} draws is more than {JobService.MaxRuns:N0} runs; try fewer values or draws.";
            }
            catch (FormatException ex)
            {
                problems[Values(0)] = Sentence(ex.Message);
            }
        }
        return (problems.Count == 0 && grid is not null ? new UncertaintyRequest(draws, seed, settings) : null, problems);
    }

    private static string Sentence(string message)
    {
        // Not capitalised: the message starts with the parameter's name, which is case-sensitive (kappa, halfLifeDays).
        var text = message.Replace("--set ", "", StringComparison.Ordinal);
        return text + (text.EndsWith('.') ? "" : ".");
    }
}

/// <summary>The draws and seed fields as a form shows them: the values, the problems at each, and whether for a sweep (draws optional).</summary>
public sealed record DrawsSeedFields(string Draws, string Seed, string? DrawsProblem, string? SeedProblem, bool ForSweep);

/// <summary>The sweep rows as a form shows them: the parameters to pick from, the posted choice and values of each row, the problems.</summary>
public sealed record SweepFields(IReadOnlyList<string> Parameters, IReadOnlyList<string> Keys, IReadOnlyList<string> Values, IReadOnlyDictionary<string, string> Problems)
{
    /// <summary>The fields of a fresh form, or as posted (kept when the form comes back with a problem).</summary>
    public static SweepFields Of(IReadOnlyList<string> parameters, HttpRequest? request, IReadOnlyDictionary<string, string> problems)
    {
        string At(string name, string fresh) => request is { HasFormContentType: true } ? request.Form[name].ToString() : fresh;
        return new SweepFields(parameters,
            [.. Enumerable.Range(0, UncertaintyForm.Rows).Select(r => At(UncertaintyForm.Key(r), r == 0 ? "halfLifeDays" : ""))],
            [.. Enumerable.Range(0, UncertaintyForm.Rows).Select(r => At(UncertaintyForm.Values(r), r == 0 ? "365, 540, 730" : ""))],
            problems);
    }

    public DrawsSeedFields DrawsSeed(HttpRequest? request, bool forSweep) => new(
        request is { HasFormContentType: true } ? request.Form[UncertaintyForm.Draws].ToString() : forSweep ? "" : "200",
        request is { HasFormContentType: true } ? request.Form[UncertaintyForm.Seed].ToString() : "0",
        Problems.GetValueOrDefault(UncertaintyForm.Draws), Problems.GetValueOrDefault(UncertaintyForm.Seed), forSweep);
}
