using System.Security.Claims;

namespace Relations.Dashboard.Access;

/// <summary>
/// The four roles of the dashboard: operators see everything (the Orleans dashboard, all data), trainers run class
/// sessions and exercises and may touch any variant of their sessions, analysts upload, import and start ensembles and
/// sweeps, students read runs and make and run their own variants in a session.
/// </summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string Trainer = "trainer";
    public const string Analyst = "analyst";
    public const string Student = "student";

    /// <summary>The roles a local account may have (students join sessions; they have no accounts).</summary>
    public static readonly string[] Accounts = [Operator, Trainer, Analyst];

    public static readonly string[] All = [Operator, Trainer, Analyst, Student];
}

/// <summary>The authorization policies, by name.</summary>
public static class Policies
{
    /// <summary>Operators only: the Orleans dashboard, accounts, metrics.</summary>
    public const string Operator = "operator";

    /// <summary>Trainers and operators: class sessions, the audit of their sessions.</summary>
    public const string Trainer = "trainer";

    /// <summary>Analysts and operators: uploads, imports, ensembles, sweeps.</summary>
    public const string Analyst = "analyst";

    /// <summary>Anyone signed in but a student: starting runs of any scenario.</summary>
    public const string Staff = "staff";
}

/// <summary>The claims the dashboard puts into every sign-in, whatever its source.</summary>
public static class AccessClaims
{
    /// <summary>A stable identity: <c>local</c>, <c>account:NAME</c>, <c>oidc:SUBJECT</c> or <c>student:CODE:ID</c>.</summary>
    public const string Id = "relations:id";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>A student's class session (join code): their cookie counts in that session only.</summary>
    public const string Session = "relations:session";

    /// <summary>An identity of the dashboard's own claims (name and role claim types as above).</summary>
    public static ClaimsPrincipal Principal(string authenticationType, string id, string name, IEnumerable<string> roles, string? session = null)
    {
        var identity = new ClaimsIdentity(authenticationType, Name, Role);
        identity.AddClaim(new Claim(Id, id));
        identity.AddClaim(new Claim(Name, name));
        foreach (var role in roles)
            identity.AddClaim(new Claim(Role, role));
        if (session is not null)
            identity.AddClaim(new Claim(Session, session));
        return new ClaimsPrincipal(identity);
    }
}

/// <summary>Who is asking: an identity, the name shown for it, its roles and (for a student) its session.</summary>
public sealed record Caller(string Id, string Name, IReadOnlySet<string> Roles, string? Session)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool IsOperator => Is(Access.Roles.Operator);

    /// <summary>A student who joined a session (and holds no other role).</summary>
    public bool IsStudent => Session is not null && !Is(Access.Roles.Operator) && !Is(Access.Roles.Trainer) && !Is(Access.Roles.Analyst);

    /// <summary>The student's own id within their session (the last part of <c>student:CODE:ID</c>).</summary>
    public string? StudentId => IsStudent ? Id[(Id.LastIndexOf(':') + 1)..] : null;

    /// <summary>The role an audit entry names: the strongest one held.</summary>
    public string MainRole => Access.Roles.All.FirstOrDefault(Is) ?? Access.Roles.Student;

    public static Caller Of(ClaimsPrincipal user) => new(
        user.FindFirst(AccessClaims.Id)?.Value ?? "anonymous",
        user.FindFirst(AccessClaims.Name)?.Value ?? "anonymous",
        user.FindAll(AccessClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirst(AccessClaims.Session)?.Value);
}
