using Relations.Model.Evaluation;

namespace Relations.Grains.Interfaces;

/// <summary>
/// Grain keys carry the run id, so many runs (a class of trainees) live side by side in one cluster without
/// touching each other. Actor ids never contain '/', so the parts split back unambiguously.
/// </summary>
public static class GrainKeys
{
    public static string Region(string runId, string actorId) => $"{runId}/{actorId}";

    public static string Relationship(string runId, Dyad dyad) => $"{runId}/{DyadKey(dyad)}";

    public static string Relationship(string runId, string dyadKey) => $"{runId}/{dyadKey}";

    public static string DyadKey(Dyad dyad) => $"{dyad.A}/{dyad.B}";
}
