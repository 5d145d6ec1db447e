using Orleans.Concurrency;

namespace Relations.Grains.Interfaces;

/// <summary>
/// A watcher of a run (a command or page waiting for it): the run's grain pushes its status after every time slice
/// and when it ends, so watchers need not poll. Subscribe with <see cref="ISimulationGrain.Watch"/> and renew now
/// and then: a subscription lives in the run's activation, which a lost silo takes with it.
/// </summary>
[Alias("relations.IRunObserver")]
public interface IRunObserver : IGrainObserver
{
    [Alias("Progress"), OneWay]
    Task Progress(RunStatus status);
}
