using Relations.Model.Fuzzing;
using static Relations.Silo.Tests.CliRunner;

namespace Relations.Silo.Tests;

/// <summary>
/// A sample of mutants through the command line: one <c>validate</c> of many files answers each (one bad file never
/// stops the others), exits 0 or 2, prints no stack trace; valid ones replay with the reference engine.
/// </summary>
public sealed class FuzzCliTests
{
    [Fact]
    public async Task Mutants_validate_in_one_call_and_valid_ones_replay()
    {
        var folder = TempFolder();
        try
        {
            var seed = File.ReadAllText(Scenario("lao-cai-hekou-youth.yaml"));
            var mutator = new ScenarioMutator(424242);
            var files = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                var path = Path.Combine(folder, $"m{i}.yaml");
                File.WriteAllText(path, mutator.Mutate(seed));
                files.Add(path);
            }
            File.WriteAllText(Path.Combine(folder, "unclosed.yaml"), "id: x\ntitle: [unclosed\nperiod: 1\n");
            files.Insert(0, Path.Combine(folder, "unclosed.yaml"));

            var outcome = await Run(["validate", .. files]);

            Assert.Contains(outcome.ExitCode, new[] { 0, 2 });
            Assert.DoesNotContain("   at ", outcome.Error);
            var answered = files.Count(f => outcome.Out.Contains(f + ": valid", StringComparison.Ordinal) || outcome.Error.Contains(f + ":", StringComparison.Ordinal));
            Assert.Equal(files.Count, answered);
            Assert.All(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(@"^.+:\d+:\d+: ", line));

            foreach (var valid in files.Where(f => outcome.Out.Contains(f + ": valid —", StringComparison.Ordinal)).Take(3))
            {
                var replay = await Run("replay", valid, "--out", Path.Combine(folder, Path.GetFileNameWithoutExtension(valid)), "--engine", "reference");
                Assert.True(replay.ExitCode is 0 or 2, replay.Error);
                Assert.DoesNotContain("   at ", replay.Error);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
