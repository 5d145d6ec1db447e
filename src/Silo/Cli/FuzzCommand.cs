using System.CommandLine;
using System.Globalization;
using Relations.Model.Fuzzing;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations fuzz --count N --seed S</c>: a long mutant campaign over the seed scenarios, outside the test suite
/// (docs/reliability.md). Exit 0 when every mutant kept the promises, 1 otherwise, listing the ones that did not.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create(CliConsole console)
    {
        var count = new Option<int>("--count") { Description = "How many mutants to try.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the mutator; the same seed makes the same mutants.", DefaultValueFactory = _ => 1 };
        var scenarios = new Option<string>("--scenarios") { Description = "Folder of seed scenario files.", DefaultValueFactory = _ => "scenarios" };
        var failures = new Option<string?>("--failures") { Description = "Folder to write each failing mutant to, to reproduce it." };
        var mutator = new Option<string>("--mutator") { Description = "lines (flips, lines, types, numbers, dates, …) or splice (tokens and lines of other seeds).", DefaultValueFactory = _ => "lines" };
        mutator.AcceptOnlyFromAmong("lines", "splice");
        var command = new Command("fuzz", "Check mutated seed scenarios: exit 0 or 2 with positioned messages, bounded time, finite replays.")
        {
            count, seed, scenarios, failures, mutator,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(scenarios)!;
            if (!Directory.Exists(folder))
                throw new BadInputException($"--scenarios '{folder}' is not a folder");
            var seeds = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
                .ToDictionary(Path.GetFullPath, File.ReadAllText, StringComparer.Ordinal);
            if (seeds.Count == 0)
                throw new BadInputException($"--scenarios '{folder}' holds no .yaml files");
            var n = parse.GetValue(count);
            if (n < 1)
                throw new BadInputException("--count must be at least 1");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = new FuzzCampaign(seeds).Run(n, parse.GetValue(seed), splice: parse.GetValue(mutator) == "splice");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Mutants:N0} mutants of {seeds.Count} seed files in {clock.Elapsed.TotalSeconds:0.0} s: {report.Valid:N0} valid ({report.Replayed:N0} replayed, {report.NoSample:N0} with no monthly sample), {report.Refused:N0} refused with positions"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"time per file: median {report.MedianMs:0.0} ms, p99 {report.P99Ms:0.0} ms, max {report.MaxMs:0.0} ms; failures: {report.Failures.Count}"));
            var keep = parse.GetValue(failures);
            if (keep is not null)
                Directory.CreateDirectory(keep);
            foreach (var failure in report.Failures)
            {
                console.Error.WriteLine($"mutant {failure.Index} of {Path.GetFileName(failure.SeedFile)}: {Model.Scenarios.ProblemText.Clean(failure.Reason)}");
                if (keep is not null)
                    File.WriteAllText(Path.Combine(keep, $"mutant-{failure.Index}-{Path.GetFileName(failure.SeedFile)}"), failure.Text);
            }
            return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
