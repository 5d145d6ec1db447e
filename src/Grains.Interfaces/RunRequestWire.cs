namespace Relations.Grains.Interfaces;

/// <summary>Run requests as a grain receives them.</summary>
public static class RunRequestWire
{
    /// <summary>
    /// The request with its scenario rebuilt from its source when a client sent the source only (the scenario's
    /// lists emptied, Hosting's RunRequests.ForWire), keeping the certainty the client filtered at (model.md rule 8),
    /// which travels on the stripped scenario.
    /// </summary>
    public static RunRequest FromWire(this RunRequest request) =>
        request.Source is { } source && request.Scenario.Actors.Count == 0 && request.Scenario.Events.Count == 0
            ? request with { Scenario = source.Load().KeepingCertainty(request.Scenario.KeptCertainty) }
            : request;
}
