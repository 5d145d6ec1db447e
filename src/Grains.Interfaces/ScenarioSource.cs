using System.Text;
using Relations.Model.Benchmark;
using Relations.Model.Scenarios;

namespace Relations.Grains.Interfaces;

/// <summary>
/// Where a run's scenario came from — the text of its files, or the arguments of the synthetic generator — so
/// that a run stores a few kilobytes of source rather than its parsed scenario, and rebuilds the scenario from
/// it when it resumes in another process.
/// </summary>
[GenerateSerializer, Immutable, Alias("relations.scenario-source")]
public sealed record ScenarioSource(
    [property: Id(0)] string? RootPath,
    [property: Id(1)] ScenarioFile[] Files,
    [property: Id(2)] SyntheticSpec? Synthetic)
{
    /// <summary>The files a loader read to load <paramref name="rootFullPath"/>.</summary>
    public static ScenarioSource FromFiles(string rootFullPath, ScenarioLoader loader) =>
        new(rootFullPath, [.. loader.FilesRead.Select(f => new ScenarioFile(f.Key, Encoding.UTF8.GetString(f.Value)))], null);

    public static ScenarioSource FromSynthetic(int events, int dyads, int seed) => new(null, [], new SyntheticSpec(events, dyads, seed));

    /// <summary>The scenario again, loaded from the stored files (never from disk) or generated.</summary>
    public Scenario Load()
    {
        if (Synthetic is { } spec)
            return SyntheticScenario.Generate(spec.Events, spec.Dyads, spec.Seed);
        var files = Files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal);
        return new ScenarioLoader(path => files.TryGetValue(path, out var bytes) ? bytes : throw new FileNotFoundException(path)).Load(RootPath!);
    }
}

/// <summary>One scenario file's full path and text.</summary>
[GenerateSerializer, Immutable, Alias("relations.scenario-file")]
public sealed record ScenarioFile([property: Id(0)] string Path, [property: Id(1)] string Text);

/// <summary>The arguments of <see cref="SyntheticScenario.Generate"/>.</summary>
[GenerateSerializer, Immutable, Alias("relations.synthetic-spec")]
public sealed record SyntheticSpec([property: Id(0)] int Events, [property: Id(1)] int Dyads, [property: Id(2)] int Seed);
