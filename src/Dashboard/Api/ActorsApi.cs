using Relations.Dashboard.Runs;
using Relations.Dashboard.Views;
using Relations.Grains.Interfaces;

namespace Relations.Dashboard.Api;

/// <summary><c>GET /api/runs/{id}/actors/{actorId}</c> (interfaces.md, "Actors"): one actor and its partners in a completed run.</summary>
public static class ActorsApi
{
    public static void MapActorsApi(this RouteGroupBuilder api) =>
        api.MapGet("/runs/{id}/actors/{actorId}", async (string id, string actorId, string? lang, RunService runs, IGrainFactory grains) =>
        {
            if (Language.Problem(lang) is { } badLanguage)
                return ProblemResults.BadRequest("Unknown language", badLanguage);
            if (await runs.ResultAsync(id) is not { } result)
                return ProblemResults.NotFound($"There is no completed run '{id}'.");
            var region = await grains.GetGrain<IRegionGrain>(GrainKeys.Region(id, actorId)).GetSummary();
            if (ActorView.Of(result, await runs.TimelineAsync(id), actorId, Language.Normalize(lang), region) is not { } view)
                return ProblemResults.NotFound($"Run '{id}' has no actor '{actorId}'.");
            var actor = view.Actor;
            return Results.Json(new
            {
                actor = new
                {
                    id = actor.Id,
                    name = view.Name,
                    names = actor.Names.ToDictionary(n => n.Key, n => n.Value),
                    kind = actor.Kind,
                    country = view.Country,
                    parent = actor.Parent,
                },
                occurrences = view.Occurrences,
                partners = view.Partners.Select(p => new
                {
                    id = p.Id,
                    name = p.Name,
                    actor_a = p.Dyad.A,
                    actor_b = p.Dyad.B,
                    strength = p.Strength,
                    peak = p.Peak,
                    assumed_share = p.Shares.Share,
                    assumed_share_at_peak = p.Shares.ShareAtPeak,
                    occurrences = p.Occurrences,
                }),
            });
        });
}
