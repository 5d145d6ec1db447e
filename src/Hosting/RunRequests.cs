using Relations.Grains.Interfaces;
using Relations.Model.Scenarios;

namespace Relations.Hosting;

/// <summary>Run requests as they travel to a simulation grain.</summary>
public static class RunRequests
{
    /// <summary>
    /// The request without the bulk of its scenario when it has a <see cref="RunRequest.Source"/>: the simulation
    /// grain rebuilds the scenario from the source (file texts or the synthetic generator's arguments), so a
    /// million-event scenario is not serialized into one message (which took longer than Orleans' 30 s response timeout).
    /// </summary>
    public static RunRequest ForWire(this RunRequest request) =>
        request.Source is null ? request : request with
        {
            Scenario = request.Scenario with
            {
                Actors = ValueList<Actor>.Empty,
                Relationships = ValueList<RelationshipDeclaration>.Empty,
                Interruptions = ValueList<Interruption>.Empty,
                Events = ValueList<ScenarioEvent>.Empty,
            },
        };
}
