using System.CommandLine;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations validate FILE... [--strict]</c>: prints every problem as FILE:LINE:COLUMN: message, then the warnings as
/// FILE:LINE:COLUMN: warning: message (interfaces.md). Warnings leave the exit code alone unless <c>--strict</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Scenario or variant files.", Arity = ArgumentArity.OneOrMore };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit 2 when there is any)." };
        var command = new Command("validate", "Check scenario and variant files; print every problem, then every warning, with file, line and column.") { files, strict };
        command.SetAction(parse =>
        {
            var loader = new ScenarioLoader();
            var failed = 0;
            // A file included by several of the files checked would repeat its warnings; each is printed once.
            var printed = new HashSet<Problem>();
            var warned = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var (scenario, problems, warnings) = loader.CheckWithWarnings(file);
                foreach (var problem in problems)
                    console.Error.WriteLine(problem);
                foreach (var warning in warnings.Where(printed.Add))
                    console.Error.WriteLine(warning);
                warned += warnings.Count;
                if (problems.Count > 0)
                    failed++;
                else
                    console.Out.WriteLine((scenario is null
                        ? $"{file}: valid (no period: a file to include, not to replay)"
                        : $"{file}: valid — '{scenario.Id}', {scenario.Actors.Count} actors, {scenario.Events.Count} events, {scenario.Interruptions.Count} interruptions")
                        + (warnings.Count > 0 ? $", {warnings.Count} warning{(warnings.Count == 1 ? "" : "s")}" : ""));
            }
            if (failed == 0 && warned > 0 && parse.GetValue(strict))
            {
                console.Error.WriteLine($"relations: {warned} warning{(warned == 1 ? "" : "s")}, and --strict makes them errors");
                return ExitCodes.BadInput;
            }
            return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
