using System.Diagnostics;

namespace Relations.Dashboard.Tests.Access;

/// <summary>
/// Bound to an address other machines can reach, without sign-in configured, the dashboard refuses to start: exit 2,
/// one sentence on standard error, nothing started. The built dashboard is run as a user runs it.
/// </summary>
public sealed class RefusalToStartTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5999")]
    [InlineData("http://127.0.0.1:5998;http://[::]:5999")]
    public async Task Non_loopback_without_sign_in_exits_2_with_one_sentence(string urls)
    {
        var (code, output, error) = await RunDashboardAsync("--urls", urls, "--storage", "memory");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("relations dashboard: http://", line);
        Assert.Contains("needs sign-in", line);
        Assert.Single(line.Split(". ", StringSplitOptions.None));
        Assert.EndsWith(".", line.TrimEnd());
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task Add_operator_refuses_a_short_password_with_exit_2()
    {
        var (code, _, error) = await RunWithInputAsync("short\n", "add-operator", "root", "--storage", "memory");
        Assert.Equal(2, code);
        Assert.Equal("relations dashboard: The password has 5 characters; it needs at least 10.", error.Trim());
    }

    private static Task<(int Code, string Output, string Error)> RunDashboardAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    private static async Task<(int Code, string Output, string Error)> RunWithInputAsync(string? stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Relations.Dashboard.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--scenarios");
        start.ArgumentList.Add(RepositoryFiles.Scenarios);
        using var process = Process.Start(start)!;
        try
        {
            if (stdin is not null)
                await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the dashboard did not exit within 60 s; it said:\n{await output}\n{await error}");
            }
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
