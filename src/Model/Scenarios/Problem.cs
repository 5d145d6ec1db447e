namespace Relations.Model.Scenarios;

/// <summary>A place in a scenario file: the file as the user named it, and a 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{ProblemText.Clean(File)}:{Line}:{Column}";
}

/// <summary>
/// One broken rule, printed as <c>FILE:LINE:COLUMN: message</c>; or, when <see cref="IsWarning"/>, something legal but
/// likely unintended, printed as <c>FILE:LINE:COLUMN: warning: message</c> (interfaces.md, "validate warnings").
/// The message is made safe to print (<see cref="ProblemText"/>).
/// </summary>
public sealed record Problem(SourcePosition At, string Message)
{
    public string Message { get; init; } = ProblemText.Clean(Message);

    public bool IsWarning { get; init; }

    public static Problem Warning(SourcePosition at, string message) => new(at, message) { IsWarning = true };

    public override string ToString() => IsWarning ? $"{At}: warning: {Message}" : $"{At}: {Message}";
}

/// <summary>What checking a file found: the scenario (null when it breaks rules or has no period), its problems and its warnings.</summary>
public sealed record ScenarioCheck(Scenario? Scenario, IReadOnlyList<Problem> Problems, IReadOnlyList<Problem> Warnings);

/// <summary>Thrown when a scenario or variant breaks rules; carries every problem found, in file order.</summary>
public sealed class ScenarioException(IReadOnlyList<Problem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}
