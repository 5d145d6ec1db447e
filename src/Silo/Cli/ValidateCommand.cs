using System.CommandLine;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary><c>relations validate FILE...</c>: prints every problem as FILE:LINE:COLUMN: message.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Scenario or variant files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario and variant files; print every problem with file, line and column.") { files };
        command.SetAction(parse =>
        {
            var loader = new ScenarioLoader();
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var (scenario, problems) = loader.Check(file);
                foreach (var problem in problems)
                    console.Error.WriteLine(problem);
                if (problems.Count > 0)
                    failed++;
                else
                    console.Out.WriteLine(scenario is null
                        ? $"{file}: valid (no period: a file to include, not to replay)"
                        : $"{file}: valid — '{scenario.Id}', {scenario.Actors.Count} actors, {scenario.Events.Count} events, {scenario.Interruptions.Count} interruptions");
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
