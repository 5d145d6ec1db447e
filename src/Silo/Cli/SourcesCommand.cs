using System.CommandLine;
using Relations.Model.Output;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>
/// <c>relations sources FILE --out DIR</c>: the provenance table of a scenario or variant — every actor, interruption and
/// event with its date, dyad, kind, certainty, sources and note — as DIR/sources.csv and DIR/sources.md (interfaces.md).
/// </summary>
internal static class SourcesCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A scenario or variant file." };
        var output = new Option<string>("--out") { Description = "Folder for sources.csv and sources.md.", Required = true };
        var command = new Command("sources", "Write the provenance table of a scenario: every actor, interruption and event with its sources, as CSV and Markdown.")
        {
            file, output,
        };
        command.SetAction(parse =>
        {
            var scenario = new ScenarioLoader().Load(parse.GetValue(file)!);
            OutputFolder.Check(parse.GetValue(output)!);
            var directory = OutputFolder.Prepare(parse.GetValue(output)!);
            var written = SourcesReport.WriteAll(scenario, directory);
            console.Out.WriteLine($"wrote {string.Join(" and ", written.Select(Path.GetFileName))} ({scenario.Actors.Count} actors, {scenario.Interruptions.Count} interruptions, {scenario.Events.Count} events) to {directory}");
            return ExitCodes.Success;
        });
        return command;
    }
}
