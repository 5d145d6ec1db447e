namespace Relations.Silo.Cli;

/// <summary>The exit codes of interfaces.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

/// <summary>Bad input found by a command (a missing file, a wrong option value): exit 2 with this message.</summary>
public sealed class BadInputException(string message) : Exception(message);
