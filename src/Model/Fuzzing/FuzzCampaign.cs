using System.Diagnostics;
using Relations.Model.Evaluation;
using Relations.Model.Scenarios;

namespace Relations.Model.Fuzzing;

/// <summary>One mutant that broke a promise: which seed file it came from, what went wrong, and its text.</summary>
public sealed record FuzzFailure(int Index, string SeedFile, string Reason, string Text);

/// <summary>The figures of a campaign.</summary>
public sealed record FuzzReport(int Mutants, int Valid, int Refused, int Replayed, int NoSample, double MedianMs, double P99Ms, double MaxMs, IReadOnlyList<FuzzFailure> Failures);

/// <summary>
/// Runs mutants of seed scenario files through the loader (every file served from memory, so a mutant naming
/// <c>/dev/urandom</c> or <c>/etc</c> reaches nothing) and checks the promises of docs/reliability.md: every
/// answer is a scenario or positioned problems with printable, bounded messages, never an internal error; each
/// file is answered within <see cref="MaxMillisecondsPerFile"/>; a valid mutant replays with the reference engine to
/// finite numbers, or is told plainly that its period holds no sample.
/// </summary>
public sealed class FuzzCampaign(IReadOnlyDictionary<string, string> seedFiles)
{
    /// <summary>The time any one file may take to be checked (and replayed) on a shared machine.</summary>
    public const int MaxMillisecondsPerFile = 5000;

    /// <summary>Valid mutants replayed at most (the reference engine is the slow, obvious one).</summary>
    public int MaxReplays { get; init; } = int.MaxValue;

    /// <summary>Runs <paramref name="count"/> mutants; <paramref name="splice"/> uses <see cref="SpliceMutator"/> instead of <see cref="ScenarioMutator"/>.</summary>
    public FuzzReport Run(int count, int seed, bool splice = false)
    {
        var paths = seedFiles.Keys.Order(StringComparer.Ordinal).ToArray();
        IScenarioMutator mutator = splice ? new SpliceMutator(seed, [.. paths.Select(p => seedFiles[p])]) : new ScenarioMutator(seed);
        var failures = new List<FuzzFailure>();
        var times = new List<double>(count);
        int valid = 0, refused = 0, replayed = 0, noSample = 0;
        for (var i = 0; i < count; i++)
        {
            var path = paths[i % paths.Length];
            var text = mutator.Mutate(seedFiles[path]);
            var clock = Stopwatch.StartNew();
            var reason = CheckOne(path, text, replay: replayed < MaxReplays, out var outcome);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (reason is null && clock.ElapsedMilliseconds > MaxMillisecondsPerFile)
                reason = $"took {clock.ElapsedMilliseconds} ms";
            if (reason is not null)
                failures.Add(new FuzzFailure(i, path, reason, text));
            switch (outcome)
            {
                case Outcome.Refused: refused++; break;
                case Outcome.Replayed: valid++; replayed++; break;
                case Outcome.NoSample: valid++; noSample++; break;
                default: valid++; break;
            }
        }
        times.Sort();
        return new FuzzReport(count, valid, refused, replayed, noSample, Percentile(times, 0.5), Percentile(times, 0.99),
            times.Count == 0 ? 0 : times[^1], failures);
    }

    private enum Outcome { Valid, Refused, Replayed, NoSample }

    private string? CheckOne(string path, string text, bool replay, out Outcome outcome)
    {
        outcome = Outcome.Valid;
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var loader = new ScenarioLoader(p => p == path ? bytes
            : seedFiles.TryGetValue(p, out var other) ? System.Text.Encoding.UTF8.GetBytes(other)
            : throw new FileNotFoundException("the file does not exist", p));
        (Scenario? Scenario, IReadOnlyList<Problem> Problems) result;
        try
        {
            var checkedFile = loader.CheckWithWarnings(path);
            result = (checkedFile.Scenario, [.. checkedFile.Problems, .. checkedFile.Warnings]);
        }
        catch (Exception ex)
        {
            return $"the check threw {ex.GetType().Name}: {ex.Message}";
        }
        if (result.Problems.Select(Unprintable).FirstOrDefault(r => r is not null) is { } unprintable)
            return unprintable;
        if (result.Problems.Any(p => !p.IsWarning))
        {
            outcome = Outcome.Refused;
            return null;
        }
        if (result.Scenario is not { } scenario || !replay)
            return null;
        if (SampleCoverage.Problem(scenario.Period, SampleStep.Month) is not null)
        {
            outcome = Outcome.NoSample;
            return null;
        }
        outcome = Outcome.Replayed;
        try
        {
            var series = ReferenceEvaluator.Evaluate(scenario, SampleStep.Month);
            var bad = series.Dyads.FirstOrDefault(d => !d.Scores.All(double.IsFinite) || !d.Strengths.All(double.IsFinite));
            return bad is null ? null : $"the replay gave a number that is not finite on {bad.Dyad}";
        }
        catch (Exception ex)
        {
            return $"the replay of a valid mutant threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>Why a problem breaks the promise of a positioned, printable, bounded message; null when it keeps it.</summary>
    public static string? Unprintable(Problem problem)
    {
        var printed = problem.ToString();
        if (problem.At.Line < 1 || problem.At.Column < 1 || string.IsNullOrEmpty(problem.At.File))
            return $"unpositioned: {printed}";
        if (printed.Any(char.IsControl))
            return $"a control character in: {printed}";
        if (problem.Message.Length > ProblemText.MaxLength + 1)
            return $"a message of {problem.Message.Length} characters";
        if (problem.Message.Contains("internal error", StringComparison.Ordinal) || problem.Message.Contains("   at ", StringComparison.Ordinal))
            return $"an internal error: {printed}";
        return null;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
