using System.Collections.Concurrent;
using Relations.Dashboard.Runs;
using Relations.Dashboard.Scenarios;
using Relations.Grains.Interfaces;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Dashboard.Variants;

/// <summary>A base run and a variant run started together, to be overlaid.</summary>
public sealed record WhatIfRuns(string BaseRun, string VariantRun);

/// <summary>
/// Runs a what-if: writes the variant as its file text, loads that text exactly as an upload or
/// <c>relations replay</c> would, and replays base and variant side by side. Remembers each variant run's spec
/// (in memory), so the comparison page can save or export what was run.
/// </summary>
public sealed class WhatIfRunner(ScenarioCatalog catalog, RunService runs)
{
    private readonly ConcurrentDictionary<string, VariantSpec> drafts = new(StringComparer.Ordinal);

    /// <summary>Starts both runs; or answers the variant's problems (with line and column in its YAML) and starts nothing.</summary>
    public Task<(WhatIfRuns? Runs, IReadOnlyList<Problem> Problems, string Yaml)> StartAsync(VariantSpec spec) =>
        StartAsync(spec, VariantYaml.Write(spec));

    /// <summary>Starts a saved variant from the text it was saved with (which may hold more than the editor shows).</summary>
    public async Task<(WhatIfRuns? Runs, IReadOnlyList<Problem> Problems, string Yaml)> StartAsync(VariantSpec spec, string yaml)
    {
        var entry = catalog.Find(spec.BaseId);
        if (entry is null)
            return (null, [new Problem(new SourcePosition(FileName(spec), 1, 1), $"the base scenario '{spec.BaseId}' is no longer in the scenarios folder")], yaml);
        var (variant, problems) = catalog.CheckText(FileName(spec), yaml);
        if (variant is null)
            return (null, problems, yaml);
        var baseScenario = catalog.Load(entry);
        var baseRun = await runs.StartAsync(new RunRequest(baseScenario, SampleStep.Month, null));
        var variantRun = await runs.StartAsync(new RunRequest(variant, SampleStep.Month, null));
        drafts[variantRun] = spec;
        return (new WhatIfRuns(baseRun, variantRun), [], yaml);
    }

    /// <summary>The spec a variant run was started from by this process, if any.</summary>
    public VariantSpec? DraftOf(string variantRun) => drafts.TryGetValue(variantRun, out var spec) ? spec : null;

    public static string FileName(VariantSpec spec) => (spec.Id.Length > 0 ? spec.Id : "variant") + ".yaml";
}
