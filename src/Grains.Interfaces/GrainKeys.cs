using Relations.Model.Evaluation;

namespace Relations.Grains.Interfaces;

/// <summary>
/// Grain keys carry the run id, so many runs (a class of trainees) live side by side in one cluster without
/// touching each other. The parts are joined by '~', which ids never contain ([a-z0-9._-]) and which Azure Table
/// keys keep as it is: the storage provider turns '/' into '_', so a '/' or '_' separator would let the dyads of
/// actors "x_y"–"z" and "x"–"y_z" share one stored entity.
/// </summary>
public static class GrainKeys
{
    public const char Separator = '~';

    public static string Region(string runId, string actorId) => $"{runId}{Separator}{actorId}";

    /// <summary>The run id and actor id of a <see cref="Region"/> key.</summary>
    public static (string RunId, string ActorId) OfRegion(string regionKey)
    {
        var cut = regionKey.LastIndexOf(Separator);
        return (regionKey[..cut], regionKey[(cut + 1)..]);
    }

    public static string Relationship(string runId, Dyad dyad) => $"{runId}{Separator}{dyad.A}{Separator}{dyad.B}";

    /// <param name="dyadKey">A <see cref="DyadKey"/>.</param>
    public static string Relationship(string runId, string dyadKey) => $"{runId}{Separator}{dyadKey.Replace('/', Separator)}";

    /// <summary>The dyad's key within a run, as messages carry it ("A/B"); never part of a stored key as it is.</summary>
    public static string DyadKey(Dyad dyad) => $"{dyad.A}/{dyad.B}";
}
