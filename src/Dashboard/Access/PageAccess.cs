using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Relations.Dashboard.Access;

/// <summary>Which pages need which role (every other page needs a sign-in of any kind), and signing out.</summary>
public static class PageAccess
{
    public static void AuthorizeByRole(this RazorPagesOptions pages)
    {
        pages.Conventions.AllowAnonymousToPage("/SignIn");
        pages.Conventions.AllowAnonymousToPage("/Join");
        pages.Conventions.AuthorizePage("/Upload", Policies.Analyst);
        pages.Conventions.AuthorizePage("/Uncertainty", Policies.Analyst);
        pages.Conventions.AuthorizePage("/Accounts", Policies.Operator);
        pages.Conventions.AuthorizePage("/Audit", Policies.Trainer);
        pages.Conventions.AuthorizePage("/Class/Index", Policies.Trainer);
    }

    /// <summary><c>POST /signout</c>: forgets the sign-in (or a student's join) in this browser.</summary>
    public static void MapSignIn(this IEndpointRouteBuilder app) =>
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AccessSetup.CookieScheme);
            return Results.Redirect("/");
        }).AllowAnonymous();
}
