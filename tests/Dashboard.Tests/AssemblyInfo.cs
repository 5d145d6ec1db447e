// Each test class starts a dashboard with a silo of its own; on two cores they run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
