namespace Relations.Dashboard.Hosting;

/// <summary>
/// How the dashboard runs, from the "Relations" configuration section (appsettings, environment variables such as
/// <c>Relations__Cluster</c>, or the command line's switches): the hosting options every host shares
/// (<c>--cluster</c>, <c>--gateway</c>, <c>--storage</c>, <c>--connection-string</c>, <c>--data</c>,
/// <c>--silo-port</c>, <c>--gateway-port</c>) and the dashboard's own (<c>--scenarios</c>).
/// </summary>
public sealed class RelationsOptions : RelationsHostOptions
{
    /// <summary>Where the dashboard listens unless <c>--urls</c> (or ASPNETCORE_URLS) says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The command-line switches of interfaces.md, mapped onto this section.</summary>
    public static new IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(RelationsHostOptions.SwitchMappings, StringComparer.Ordinal)
    {
        ["--scenarios"] = $"{Section}:{nameof(Scenarios)}",
        ["--sign-in"] = $"{Section}:{nameof(SignIn)}",
    };

    /// <summary>The scenarios folder; by default the repository's scenarios/ found by walking up to Relations.sln.</summary>
    public string? Scenarios { get; set; }

    /// <summary>How people sign in; unset: OpenID Connect when <see cref="Oidc"/> names an authority, else nobody (loopback only).</summary>
    public Access.SignInMode? SignIn { get; set; }

    public Access.OidcSettings Oidc { get; set; } = new();

    public Access.AccessLimits Limits { get; set; } = new();

    /// <summary>The sign-in in force: as configured, or OpenID Connect when a provider is named.</summary>
    public Access.SignInMode SignInMode => SignIn ?? (string.IsNullOrWhiteSpace(Oidc.Authority) ? Access.SignInMode.None : Access.SignInMode.Oidc);

    /// <summary>The largest scenario or variant an upload may be (analysts and operators; trainers and students less).</summary>
    public int MaxUploadBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The time budget of one request: past it, the work that observes the request's cancellation (reading the
    /// body, checking an upload) stops, and the answer is 503 with a plain sentence. Event streams have none.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest upload <paramref name="caller"/>'s role may send: analysts and operators the most, trainers and students less.</summary>
    public int UploadBytesFor(Access.Caller caller) =>
        caller.IsOperator || caller.Is(Access.Roles.Analyst) ? MaxUploadBytes
        : caller.Is(Access.Roles.Trainer) ? Math.Min(MaxUploadBytes, Limits.TrainerUploadBytes)
        : Math.Min(MaxUploadBytes, Limits.StudentUploadBytes);

    /// <summary>Why the sign-in options cannot work, or null.</summary>
    public string? SignInProblem()
    {
        if (SignInMode == Access.SignInMode.Oidc && !Uri.TryCreate(Oidc.Authority, UriKind.Absolute, out _))
            return $"sign-in through OpenID Connect needs Relations:Oidc:Authority, the provider's address (it is '{Oidc.Authority}')";
        foreach (var (name, value) in new[] { ("RunsPerMinute", Limits.RunsPerMinute), ("DrawsPerMinute", Limits.DrawsPerMinute),
            ("SweepRunsPerMinute", Limits.SweepRunsPerMinute), ("StudentRunsPerSession", Limits.StudentRunsPerSession) })
        {
            if (value < 1)
                return $"Relations:Limits:{name} is {value}; it must be at least 1";
        }
        return null;
    }

    /// <summary>
    /// Refuses, in one sentence, to listen where other machines can reach the dashboard without sign-in configured.
    /// </summary>
    public string? ReachableWithoutSignIn(string urls) =>
        SignInMode == Access.SignInMode.None && Access.ListenAddresses.FirstReachable(urls) is { } reachable
            ? $"{reachable} can be reached from other machines, so the dashboard needs sign-in: start it with --sign-in accounts "
              + "(local accounts; create the first operator with 'add-operator NAME') or configure Relations:Oidc:Authority (OpenID Connect)."
            : null;

    /// <summary>Checks the options; answers how to reach grains (embedded: co-host a silo).</summary>
    /// <exception cref="DashboardOptionsException">An option has a value the dashboard cannot use.</exception>
    public ClusterTarget Validate()
    {
        try
        {
            return (Problem() ?? SignInProblem()) is { } problem ? throw new DashboardOptionsException(problem) : ClusterTarget.From(this);
        }
        catch (FormatException ex)
        {
            throw new DashboardOptionsException(ex.Message);
        }
    }
}

/// <summary>An option the dashboard cannot start with; its message is printed as it is, without a stack trace.</summary>
public sealed class DashboardOptionsException(string message) : Exception(message);
