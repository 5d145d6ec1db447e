using System.Security.Claims;
using Relations.Dashboard.Access;

namespace Relations.Dashboard.Api;

/// <summary>
/// The audit log over HTTP (<c>GET /api/audit?count=N</c>): who saved, replaced, deleted or ran what, and when — a
/// trainer's sessions for a trainer, everything for an operator — newest first.
/// </summary>
public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async (int? count, ClaimsPrincipal user, AuditLog audit) =>
            (await audit.LatestAsync(Caller.Of(user), Math.Clamp(count ?? 200, 1, 5000))).Select(e => new
            {
                at = e.At,
                who = e.Name,
                identity = e.Who,
                role = e.Role,
                action = e.Action,
                target = e.Target,
                session = e.Session,
            })).RequireAuthorization(Policies.Trainer);
}
