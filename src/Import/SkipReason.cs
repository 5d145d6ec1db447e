namespace Relations.Import;

/// <summary>Why a row of an event file became no event of its own; each reason is counted in <see cref="ImportSummary"/>.</summary>
public enum SkipReason
{
    /// <summary>Its CAMEO event code maps to no kind of the model (and no <c>--map</c> maps it).</summary>
    NoKind,

    /// <summary>One of its actors maps to no scenario actor (skipped only with <c>--skip-unmapped</c>; else an error).</summary>
    UnmappedActor,

    /// <summary>Both its sides map to one actor (<c>USAGOV</c> → <c>USAGOV</c>, or <c>CHNGOV</c> → <c>CHN</c> under one actor).</summary>
    SelfPair,

    /// <summary>One side maps to an ancestor of the other's actor (a province and one of its cities).</summary>
    AncestorPair,

    /// <summary>It repeats the event id of an earlier row (files that overlap, concatenated).</summary>
    RepeatedId,

    /// <summary>It reports the same day, dyad and kind as an earlier row and was merged into that event (<c>--dedupe day</c>).</summary>
    Merged,
}

/// <summary>The sentence each skip reason is listed under.</summary>
public static class SkipReasons
{
    public static string Describe(SkipReason reason) => reason switch
    {
        SkipReason.NoKind => "the event code maps to no kind of the model",
        SkipReason.UnmappedActor => "an actor maps to no actor of the actors file",
        SkipReason.SelfPair => "both sides map to one actor",
        SkipReason.AncestorPair => "one side maps to an ancestor of the other side's actor",
        SkipReason.RepeatedId => "the event id repeats an earlier row's",
        SkipReason.Merged => "merged into an earlier row's event of the same day, dyad and kind (--dedupe day)",
        _ => reason.ToString(),
    };
}
