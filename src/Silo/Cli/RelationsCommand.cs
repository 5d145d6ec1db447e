using System.CommandLine;
using Relations.Model.Scenarios;

namespace Relations.Silo.Cli;

/// <summary>
/// The <c>relations</c> command line (interfaces.md). Bad input exits 2 and anything else that fails exits 1,
/// each with a plain message and never a stack trace.
/// </summary>
public static class RelationsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("Relations: replays scenarios of border-region relations and plots how relationship strength develops.")
        {
            ValidateCommand.Create(console),
            ReplayCommand.Create(console),
            ExplainCommand.Create(console),
            SiloCommand.Create(console),
            BenchCommand.Create(console),
            CompareCommand.Create(console),
            RunsCommand.Create(console),
            ImportCommand.Create(console),
            FuzzCommand.Create(console),
            SourcesCommand.Create(console),
            EnsembleCommand.Create(console),
            SweepCommand.Create(console),
            JobsCommand.Create(console),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine($"relations: {parseError.Message}");
            error.WriteLine("Run 'relations --help' for the commands and their options.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellation);
        }
        catch (ScenarioException ex)
        {
            foreach (var problem in ex.Problems)
                error.WriteLine(problem);
            return ExitCodes.BadInput;
        }
        catch (BadInputException ex)
        {
            error.WriteLine($"relations: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("relations: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            error.WriteLine($"relations: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}

/// <summary>Where a command writes: standard output for results, standard error for problems.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
