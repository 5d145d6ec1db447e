using System.Text;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Access;

/// <summary>
/// <c>add-operator NAME</c>: creates the first operator of local accounts from the command line (the operator then adds
/// trainers and analysts on the Accounts page). The password is read from standard input — typed twice without echo
/// at a terminal, or one line when piped — never from the command line, where other users could see it.
/// </summary>
public static class AddOperatorCommand
{
    public const string Name = "add-operator";

    /// <summary>Whether the arguments ask for this command; <paramref name="rest"/> are the options that follow the name.</summary>
    public static bool Matches(string[] args, out string? accountName, out string[] rest)
    {
        (accountName, rest) = (null, args);
        if (args.Length == 0 || args[0] != Name)
            return false;
        accountName = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        rest = args[(accountName is null ? 1 : 2)..];
        return true;
    }

    /// <summary>Adds the operator; exit code 0, or 2 with one sentence on standard error.</summary>
    public static async Task<int> RunAsync(string? accountName, ClusterTarget target, RelationsStorage storage)
    {
        if (accountName is null)
            return Fail("say the operator's account name: add-operator NAME");
        var password = ReadPassword();
        if (password is null)
            return Fail("the two passwords differ; nothing was changed");
        if (AccountService.Problem(accountName.Trim().ToLowerInvariant(), Roles.Operator, password) is { } problem)
            return Fail(problem);
        await using var cluster = await RelationsCluster.ConnectAsync(target, storage, CancellationToken.None);
        var accounts = new AccountService(cluster.Grains, TimeProvider.System);
        if (await accounts.AddAsync(accountName, Roles.Operator, password, "the command line") is { } refused)
            return Fail(refused);
        Console.WriteLine($"Operator '{accountName.Trim().ToLowerInvariant()}' added; start the dashboard with --sign-in accounts and sign in.");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
            return Console.In.ReadLine() ?? "";
        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        return first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var text = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
                text.Length--;
            else if (!char.IsControl(key.KeyChar))
                text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }

    private static int Fail(string sentence)
    {
        Console.Error.WriteLine($"relations dashboard: {sentence}");
        return 2;
    }
}
