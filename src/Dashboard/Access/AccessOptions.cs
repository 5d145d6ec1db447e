namespace Relations.Dashboard.Access;

/// <summary>How people sign in: nobody (loopback only), local accounts kept in the cluster, or an OpenID Connect provider.</summary>
public enum SignInMode
{
    None,
    Accounts,
    Oidc,
}

/// <summary>An institution's OpenID Connect provider (<c>Relations:Oidc:…</c>).</summary>
public sealed class OidcSettings
{
    /// <summary>The provider's issuer address (its discovery document is under <c>/.well-known/openid-configuration</c>).</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "relations";

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the ID token that holds the roles (values operator, trainer, analyst, student).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>The role of someone whose token names none of the four: student (read runs, no class).</summary>
    public string DefaultRole { get; set; } = Roles.Student;
}

/// <summary>
/// What one identity may ask of the cluster (<c>Relations:Limits:…</c>). Defaults apply to every identity, the
/// loopback user included, so that no one client can queue hours of cluster work in a burst.
/// </summary>
public sealed class AccessLimits
{
    /// <summary>Runs started per identity and minute (a what-if counts its base and its variant).</summary>
    public int RunsPerMinute { get; set; } = 120;

    /// <summary>Ensemble draws per identity and minute.</summary>
    public int DrawsPerMinute { get; set; } = 5_000;

    /// <summary>Runs of sweeps (cells × draws) per identity and minute.</summary>
    public int SweepRunsPerMinute { get; set; } = 20_000;

    /// <summary>How many runs a student may start in a session unless the trainer says otherwise.</summary>
    public int StudentRunsPerSession { get; set; } = 20;

    /// <summary>The largest variant a trainer may save (analysts and operators: <c>MaxUploadBytes</c>).</summary>
    public int TrainerUploadBytes { get; set; } = 256 * 1024;

    /// <summary>The largest variant a student may save.</summary>
    public int StudentUploadBytes { get; set; } = 64 * 1024;
}
