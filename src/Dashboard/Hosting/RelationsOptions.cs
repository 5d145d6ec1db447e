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
    };

    /// <summary>The scenarios folder; by default the repository's scenarios/ found by walking up to Relations.sln.</summary>
    public string? Scenarios { get; set; }

    /// <summary>The largest scenario or variant an upload may be.</summary>
    public int MaxUploadBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The time budget of one request: past it, the work that observes the request's cancellation (reading the
    /// body, checking an upload) stops, and the answer is 503 with a plain sentence. Event streams have none.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options; answers how to reach grains (embedded: co-host a silo).</summary>
    /// <exception cref="DashboardOptionsException">An option has a value the dashboard cannot use.</exception>
    public ClusterTarget Validate()
    {
        try
        {
            return Problem() is { } problem ? throw new DashboardOptionsException(problem) : ClusterTarget.From(this);
        }
        catch (FormatException ex)
        {
            throw new DashboardOptionsException(ex.Message);
        }
    }
}

/// <summary>An option the dashboard cannot start with; its message is printed as it is, without a stack trace.</summary>
public sealed class DashboardOptionsException(string message) : Exception(message);
